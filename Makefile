# Entropy, cross-entropy and KL divergence: build, test and read the book.
# Every target installs what it needs into .venv first (Python 3.11, pinned versions).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NBVAL  := --nbval --nbval-sanitize-with tests/book/sanitize.cfg --nbval-cell-timeout 120
# Three test processes (much of a test waits on a browser or a build, not the CPU);
# each test file stays in one, so a lesson's cells run in order in one kernel. Files
# start in the order given, the slowest (the PDFs, the browser) first.
PARALLEL := --numprocesses 3 --dist loadscope --no-loadscope-reorder
TESTS    := tests/book/test_pdf.py tests/book/browser tests lib book

.PHONY: help install book pdf test lab execute bench lock catalogues clean

help:
	@echo "make book     build the static site into _build/html (in Chinese: _build/html/zh)"
	@echo "make pdf      build the whole book as one PDF, in each edition (needs XeLaTeX: see README)"
	@echo "make test     run every check: lint, library, doctests, lessons (nbval), build, browser"
	@echo "make lab      open the lessons in JupyterLab"
	@echo "make execute  re-run every lesson and store its outputs (after changing code)"
	@echo "make bench    measure lesson, widget, build and library speed"
	@echo "make lock     re-pin every package in constraints.txt"
	@echo "make catalogues  bring the Chinese edition's catalogues up to date (locales/)"

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt postBuild
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed, found " + sys.version.split()[0] + "; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[book,lab]"
	PATH="$(CURDIR)/$(BIN):$$PATH" bash postBuild > /dev/null  # what Binder runs too
	touch $@

book: $(STAMP)
	$(BIN)/python -m tools.lessons refresh
	$(BIN)/jupyter-book build . -W -n --keep-going
	$(BIN)/python -m tools.editions html
	@echo
	@echo "The book is ready: open file://$(CURDIR)/_build/html/index.html"
	@echo "(the Chinese edition: file://$(CURDIR)/_build/html/zh/index.html)"

pdf: $(STAMP)
	$(BIN)/python -m tools.lessons refresh
	$(BIN)/jupyter-book build . --builder pdflatex
	mkdir -p _build/html && cp _build/latex/book.pdf _build/html/book.pdf
	$(BIN)/python -m tools.editions pdf
	@echo
	@echo "The PDFs are ready: _build/latex/book.pdf and, in Chinese, _build/zh_CN/latex/book.pdf"
	@echo "(the site links to its copies, _build/html/book.pdf and _build/html/zh/book.pdf)"

test: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/python -m pytest $(TESTS) $(NBVAL) $(PARALLEL)

lab: $(STAMP)
	$(BIN)/jupyter lab book/

execute: $(STAMP)
	$(BIN)/python -m tools.lessons execute

catalogues: $(STAMP)
	$(BIN)/python -m tools.editions catalogues

bench: $(STAMP)
	$(BIN)/python -m bench.run

lock: $(STAMP)
	@{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf _build
