# brink -- a symbolic bounded model checker for TLA+.
#
#   make            build ./brink
#   make check      build and run every test (unit, end-to-end, bad input)
#   make asan-check the same suite under AddressSanitizer + UBSan
#   make demo       install missing Debian packages (as root), build, run the
#                   seed's distributed counter
#   make format     clang-format every source file
#   make bench      benchmarks in a few minutes (explicit engine vs TLC, a
#                   subset of Apalache's BMC suite, the smallest parametric
#                   sizes); CSVs under build/; FULL=1 runs the whole suites
#   make corpus-explicit  every finished corpus model vs TLC's counts (slow)
#   make differential     explicit vs symbolic engine on every corpus model
#   make roundtrip  parse, print and re-parse every corpus module; compare
#   make fuzz       build the libFuzzer harnesses (clang); run with tests/fuzz/run.sh
#   make fuzz-diff  differential fuzzing of the two engines (SECONDS=600)
#   make fuzz-mutants  mutants of failing models (MODELS=12)

CC      ?= gcc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
# Flags brink always needs, even when CFLAGS is given on the command line.
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter
LDLIBS  := -lz3 -lcadical -lstdc++ -lgmp -ljansson -lpthread -lm
BUILD   ?= build

SRCS     := $(sort $(shell find src encode solver -name '*.c'))
LIB_SRCS := $(filter-out src/cli/main.c,$(SRCS))
LIB_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRCS)) $(BUILD)/library_modules.o
# TLA+ modules compiled into brink (library.h).
LIB_TLA  := $(sort $(wildcard src/front/modules/*.tla))
MAIN_OBJ := $(BUILD)/src/cli/main.o
HEADERS  := $(shell find include src encode solver -name '*.h')
TEST_SRCS := $(wildcard tests/unit/*.c)
TEST_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(TEST_SRCS))
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lpthread -lm)

PACKAGES := libz3-dev libcadical-dev libgmp-dev libjansson-dev check pkg-config


.PHONY: layer-check
.PHONY: all check asan-check demo deps format clean bench corpus-explicit liveness-corpus liveness-lasso \
        differential roundtrip fuzz fuzz-diff fuzz-mutants

BRINK_BIN ?= brink

all: brink

brink: $(LIB_OBJS) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

ifneq ($(BRINK_BIN),brink)
$(BRINK_BIN): $(LIB_OBJS) $(MAIN_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)
endif

# The layers (DESIGN.md's data flow) and what each may see.  include/LAYER/
# holds a layer's interface; a folder is compiled with the -I flags of the
# layers listed for it and nothing else, so a header included from the
# wrong layer does not build (`make layer-check` proves it on every
# folder).  A module's private headers sit beside it (found by the
# quoted #include's own-directory rule).
SEMANTICS := base front value model eval types analysis
LAYERS_src/base     := base
LAYERS_src/value    := base value
LAYERS_src/front    := base front
LAYERS_src/pluscal  := base front
LAYERS_src/model    := base front value model
LAYERS_src/eval     := $(SEMANTICS)
LAYERS_src/analysis := $(SEMANTICS)
LAYERS_src/types    := $(SEMANTICS)
LAYERS_src/live     := $(SEMANTICS) live report
LAYERS_src/report   := $(SEMANTICS) report
LAYERS_encode/term  := base term
LAYERS_encode       := $(SEMANTICS) term encode
LAYERS_solver       := base term solver
LAYERS_solver/bitblast := base term solver
ALL_LAYERS := $(SEMANTICS) live report term encode solver engine
LAYERS_src/engine   := $(ALL_LAYERS)
LAYERS_src/cli      := $(ALL_LAYERS)
# The unit tests see every interface and the private headers they test.
LAYERS_tests/unit   := $(ALL_LAYERS)
PRIVATE_tests/unit  := -Isolver/bitblast -Iencode -Isrc/live
layer_flags = $(addprefix -Iinclude/,$(LAYERS_$(patsubst %/,%,$(dir $(1))))) \
              $(PRIVATE_$(patsubst %/,%,$(dir $(1))))

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(call layer_flags,$<) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

# Each src/front/modules/X.tla becomes one C string in the module table.

$(BUILD)/library_modules.c: $(LIB_TLA) src/front/modules/embed.awk
	@mkdir -p $(dir $@)
	@awk -f src/front/modules/embed.awk $(LIB_TLA) /dev/null > $@.tmp
	@mv $@.tmp $@

$(BUILD)/library_modules.o: $(BUILD)/library_modules.c include/front/library.h
	$(CC) $(CFLAGS) -Iinclude/base -Iinclude/front -c -o $@ $<

# The unit-test runner: every tests/unit/*.c defines suites named
# `Suite *NAME_suite(void)`; the list is collected from the sources.
$(BUILD)/tests/suites.h: $(TEST_SRCS)
	@mkdir -p $(dir $@)
	@grep -ho '^Suite \*[a-z0-9_]*_suite(void)' $(TEST_SRCS) | \
	  sed 's/^Suite \*\([a-z0-9_]*\)_suite(void)/SUITE(\1)/' > $@.tmp
	@mv $@.tmp $@

$(BUILD)/tests/unit/main.o: $(BUILD)/tests/suites.h
$(BUILD)/tests/unit/main.o: override CFLAGS += -I$(BUILD)/tests

$(BUILD)/run_tests: $(LIB_OBJS) $(TEST_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS)

# The shared corpus sits beside the checkout; the tests that need it are
# skipped (one line says so) when it is not there.
SHARED ?= $(CURDIR)/../shared

# Differential fuzzing (tests/fuzz/difffuzz.c): both engines on generated specs
# for DIFFFUZZ_SECONDS with a fixed seed in `make check`; `make fuzz-diff`
# runs longer with a new seed.
DIFFFUZZ_SECONDS ?= 60
DIFFFUZZ_SEED    ?= 1

$(BUILD)/difffuzz: tests/fuzz/difffuzz.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) -g -std=c11 -Wall -Wextra -o $@ $<

# Each row: a folder and an interface it must not see.  Compiling one
# #include line with that folder's flags must fail, or the layering leaks.
LAYER_FORBIDDEN := src/base:ast.h src/front:eval.h src/front:encode.h \
  src/pluscal:spec.h src/value:ast.h src/value:spec.h src/model:eval.h \
  src/eval:encode.h src/eval:solver.h src/model:termeval.h \
  src/types:trace.h src/report:encode.h src/live:solver.h \
  encode:solver.h encode:driver.h encode/term:value.h solver:encode.h \
  solver:value.h solver/bitblast:spec.h
layer_row = test -n "$(wildcard include/*/$(lastword $(subst :, ,$(1))))" \
  || { echo "layer-check: $(1): no such interface" >&2; exit 1; }; echo '\#include "$(lastword $(subst :, ,$(1)))"' | \
  $(CC) $(call layer_flags,$(firstword $(subst :, ,$(1)))/x.c) -fsyntax-only -x c - 2>/dev/null \
  && { echo "layer-check: $(1): the header is visible" >&2; exit 1; };
layer-check:
	@$(foreach row,$(LAYER_FORBIDDEN),$(call layer_row,$(row))) \
	echo "layer-check: $(words $(LAYER_FORBIDDEN)) includes from the wrong layer refused"

check: $(BRINK_BIN) $(BUILD)/run_tests $(BUILD)/difffuzz layer-check
	$(BUILD)/difffuzz $(CURDIR)/$(BRINK_BIN) $(DIFFFUZZ_SECONDS) $(DIFFFUZZ_SEED) $(BUILD)/difffuzz-fails
	SHARED=$(SHARED) tests/fuzz/mutants.sh $(CURDIR)/$(BRINK_BIN) 1 60
	BRINK=$(CURDIR)/$(BRINK_BIN) SHARED=$(SHARED) $(BUILD)/run_tests

# Mutants of failing models' configs and specs (tests/fuzz/mutants.sh): no
# mutant passes without saying what it checked.
fuzz-mutants: $(BRINK_BIN)
	tests/fuzz/mutants.sh $(CURDIR)/$(BRINK_BIN) $(or $(MODELS),12) 60

fuzz-diff: $(BRINK_BIN) $(BUILD)/difffuzz
	$(BUILD)/difffuzz $(CURDIR)/$(BRINK_BIN) $(or $(SECONDS),600) $$(date +%s) $(BUILD)/difffuzz-fails

# Values, AST and terms live for the whole run by design (util.h), so leak
# detection is off; every other AddressSanitizer/UBSan check is fatal.
asan-check:
	$(MAKE) BUILD=build-asan OPT=-O1 BRINK_BIN=build-asan/brink \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 check

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	  else echo "brink needs:$$missing -- run: sudo apt-get install$$missing" >&2; exit 1; fi; \
	fi

demo: deps
	$(MAKE) brink
	@echo "== brink check specs/DistributedCounter.tla (expect a lost increment, exit 12)"
	./brink check specs/DistributedCounter.tla; st=$$?; \
	  echo "brink exited with $$st"; test $$st -eq 12

format:
	clang-format -i $(SRCS) $(HEADERS) $(TEST_SRCS)

clean:
	rm -rf build build-asan build-fuzz brink

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Benchmarks; not part of `make check`.  The quick run takes a few minutes:
# the explicit engine against TLC's times, the Apalache BMC runs that take
# brink seconds (BENCH_QUICK_BMC, a regex on benchmark and spec) and the
# two smallest sizes of each parametric family.  FULL=1: every BMC row and
# every size, BENCH_LIMIT seconds per run (default 120; quick runs 60).
# Each symbolic benchmark runs once per back end in BACKENDS (default both,
# side by side in the CSV).
BACKENDS ?= z3 cadical
export BACKENDS
BENCH_QUICK_BMC ?= indinv|traffic|Bakery-Boulangerie|ewd840/ConstInit4|allocator/ConstInit22|bcastFolklore/ConstInit4|bcastByz/ConstInit4|two-phase/ConstInit3
ifeq ($(FULL),1)
BENCH_LIMIT ?= 120
BENCH_BMC_FILTER := .
BENCH_MAX_N := 1000
else
BENCH_LIMIT ?= 60
BENCH_BMC_FILTER := $(BENCH_QUICK_BMC)
BENCH_MAX_N := 6
endif

bench: brink
	benchmarks/bench_explicit.sh $(BUILD)/bench_explicit.csv
	benchmarks/liveness_corpus.sh 60 10
	benchmarks/apalache_bmc.sh $(BENCH_LIMIT) $(BUILD)/bench_apalache_bmc.csv \
	  '$(BENCH_BMC_FILTER)'
	benchmarks/parametric.sh $(BENCH_LIMIT) $(BUILD)/bench_parametric.csv . \
	  $(BENCH_MAX_N)

# Issue 15's acceptance for the lasso search: on the same models, the
# symbolic engine finds the explicit engine's violations and none elsewhere.
liveness-lasso: brink
	benchmarks/liveness_lasso.sh $(or $(LIMIT),60) $(or $(MAX_LEN),10)

corpus-explicit: brink
	benchmarks/corpus_explicit.sh

# The explicit engine's liveness checking on the corpus models with a
# temporal PROPERTY: TLC's verdict and count, time next to the safety run.
liveness-corpus: brink
	benchmarks/liveness_corpus.sh $(or $(LIMIT),120) $(or $(MAX_TLC_S),100000)

# Both engines on every corpus model at a small depth; prints the agreement.
differential: brink
	benchmarks/differential.sh $(or $(STEPS),5)

roundtrip: brink
	benchmarks/roundtrip.sh

# libFuzzer harnesses for the parser (with resolution) and the config
# reader; only the front end is linked in.  Not part of `make check`.
FUZZ_CC    ?= clang
FUZZ_FLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -Iinclude/base -Iinclude/front \
              -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SRCS  := $(wildcard src/base/*.c src/front/*.c src/pluscal/*.c)

fuzz: build-fuzz/fuzz_parse build-fuzz/fuzz_cfg build-fuzz/fuzz_pluscal $(BUILD)/difffuzz

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzzing.h $(FUZZ_SRCS) $(BUILD)/library_modules.c $(HEADERS)
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRCS) $(BUILD)/library_modules.c -lpthread
