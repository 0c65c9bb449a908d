from hypothesis import HealthCheck, settings

# The same examples on every machine and every run: a property test must not pass on
# one CI run and fail on the next by luck. Deadlines are off: timing is for benchmarks.
settings.register_profile(
    "book",
    derandomize=True,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("book")
