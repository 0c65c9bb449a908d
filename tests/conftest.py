import sys
from pathlib import Path

# tests/lessons.py is shared by the tests and `make execute`.
sys.path.insert(0, str(Path(__file__).parent))
