# Ponte: `make run` serves the app on SQLite; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test lint format check-courses clean bench i18n-extract i18n-update i18n-compile

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: $(BIN)/.installed i18n-compile
	$(BIN)/flask db upgrade
	$(BIN)/flask lms import-courses
	$(BIN)/flask lms build-toolkits
	@echo "Demo accounts (new passwords every time you run 'make run'):"
	@$(BIN)/flask lms create-demo-users
	@echo "Serving Ponte on http://127.0.0.1:$(PORT)/"
	LMS_SESSION_COOKIE_SECURE=false LMS_REMEMBER_COOKIE_SECURE=false \
	  $(BIN)/gunicorn --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile - wsgi:app

test: $(BIN)/.installed i18n-compile
	@if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ]; then \
	  echo "################################################################"; \
	  echo "# WARNING: Debian's chromium is not installed:                 #"; \
	  echo "# THE BROWSER TESTS WILL NOT RUN. Install it: apt-get install chromium"; \
	  echo "################################################################"; fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ]; then \
	  echo "WARNING: THE BROWSER TESTS DID NOT RUN (no chromium)."; fi

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-courses: $(BIN)/.installed
	$(BIN)/flask lms check-courses

bench: $(BIN)/.installed
	$(BIN)/python bench/module_page.py
	$(BIN)/python bench/authoring.py
	$(BIN)/python bench/cohorts.py
	$(BIN)/python bench/associations.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Translations: extract marked strings, merge them into every catalog, compile (.mo files are not committed).
BABEL_EXTRACT := $(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	--project Ponte --copyright-holder "Ponte contributors" --ignore-dirs='.* __pycache__'

i18n-extract: $(BIN)/.installed
	$(BABEL_EXTRACT) -o translations/messages.pot .

i18n-update: i18n-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	msgen -o translations/en/LC_MESSAGES/messages.po translations/en/LC_MESSAGES/messages.po

i18n-compile: $(BIN)/.installed
	$(BIN)/pybabel -q compile -d translations
