# Two commands for a fresh machine:  make play   /   make test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test check bench screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

play: $(STAMP)
	@$(BIN)/meeting-trainer play

test: $(STAMP)
	@./tools/system-deps.sh
	@if command -v xvfb-run >/dev/null 2>&1; then \
	  xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m pytest; \
	else \
	  $(BIN)/python -m pytest; \
	fi

check: $(STAMP)
	$(BIN)/meeting-trainer check scenarios/

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/ui.py

screenshots: $(STAMP)
	$(BIN)/python -m game.ui.pilot docs/screenshots

# Interface text: check game/locale/*/LC_MESSAGES/*.po and compile them to .mo (Babel)
.PHONY: messages
messages: $(STAMP)
	$(BIN)/python tools/compile_messages.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
