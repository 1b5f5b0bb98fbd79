# The two commands a new user needs: `make demo` and `make test`.
# Each creates the virtual environment and installs the project on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/protocol-kit lint
	$(BIN)/protocol-kit compile --check
	$(BIN)/protocol-kit validate --plan plans/ecommerce.yaml examples/events/ecommerce.jsonl --fail-on never
	$(BIN)/protocol-kit scan examples/src --plan plans/ecommerce.yaml --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest

# Every benchmark prints its figures and ratios; each exits 1 when it misses its target.
BENCHMARKS := compile_bench validate_bench check_bench startup_bench pii_bench pii_quality scan_bench report_bench diff_bench wire_bench codegen_bench import_bench infer_bench serve_bench pytest_plugin_bench

bench: $(STAMP)
	@status=0; for b in $(BENCHMARKS); do echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py || status=1; done; exit $$status

clean:
	rm -rf $(VENV) build *.egg-info
