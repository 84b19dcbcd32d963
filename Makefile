# pytorch-tutor — build, test and benchmark entry points.
#
#   make build                debug build (all targets)
#   make release              optimised build for this machine's CPU
#   make run                  release build, then start the tutor
#   make test                 swift test (debug; checks the toolchain and ncursesw first),
#                             then the lesson check, the tutor's tmux test and the
#                             conformance ratchet
#   make check-lessons        debug build, then `pytorch-tutor check`: every lesson's steps run,
#                             every exercise's solution passes and its starter fails
#   make pretrained           release build, then train the small CNN that Module 4's transfer-learning
#                             lessons start from (Datasets/pretrained/train_pretrained.py, a few
#                             minutes) into Datasets/pretrained/cifar5_cnn.pt, bundle it into the
#                             tutor (Datasets/make_bundle.py) and rebuild the release binary
#   make e2e                  debug build, then the full-screen tutor driven in tmux
#                             (Tests/EndToEnd/tutor-tmux.sh; installs tmux if missing)
#   make conformance          release build, then the shared PyTorch conformance corpus
#                             against it; fails on a new failure or on a case that passes
#                             but is still listed in Tests/Conformance/known-failures.txt
#   make bench [BENCH=gemm]   release build (TensorBench and pytorch-tutor), then run the benchmarks
#                             whose name contains $(BENCH) (all if empty);
#                             BENCH_ARGS="--threads 1 --max-wait 30" adds options
#   make fuzz [FUZZ_SECONDS=600]
#                             libFuzzer build of MiniPythonFuzz (in .build/fuzz), then fuzz the
#                             MiniPython lexer, parser and interpreter for that long (1 process)
#                             and print the number of executions; crash reproducers go to
#                             .build/fuzz/artifacts (add them to Fuzz/regressions, see Fuzz/README.md);
#                             FUZZ_ARGS="-seed=1 -max_len=8192" passes libFuzzer options
#   make clean                remove build products

SWIFT ?= swift

# Host-CPU code generation for release builds.
# Without it Swift targets baseline x86-64, and every SIMD16<Float>.addProduct in
# the GEMM micro-kernel lowers to 16 calls to fmaf (~1 GFLOP/s instead of ~170).
# Checked with Swift 6.3.1 by disassembling the micro-kernel (objdump -d):
#   - `-Xcc -march=native` alone already gives `vfmadd231ps ... %zmm` (SwiftPM also
#     passes -Xcc flags to swiftc, and Swift takes its target CPU/features from the
#     Clang importer's options);
#   - `-target-cpu native` (or sapphirerapids) alone gives the same code.
# Both are passed: the first for any C code and the importer, the second so that
# Swift code generation does not depend on that importer behaviour.
# The binary then runs only on CPUs like the build machine's (the Makefile always
# builds on the user's machine). Override for a portable build, e.g.
#   make release CPU_FLAGS="-Xcc -march=haswell -Xswiftc -target-cpu -Xswiftc haswell"  (AVX2+FMA)
# (swiftc's -target-cpu takes CPU names such as haswell, skylake-avx512,
# sapphirerapids, znver4 or native; x86-64-v3/v4 are rejected.)
CPU_FLAGS ?= -Xcc -march=native -Xswiftc -target-cpu -Xswiftc native

# -Ounchecked etc. for the engine come from Package.swift (release configuration
# only). Debug builds and `swift test` use no extra flags, and they live in
# .build/debug, so they never share objects with the CPU-specific release build.
RELEASE_FLAGS = -c release $(CPU_FLAGS)

BENCH ?=
BENCH_ARGS ?=

# Fuzzing: all MiniPython code is built with libFuzzer's coverage instrumentation (its own
# scratch path, so it never mixes with the normal builds). lld, because gold fails on the
# instrumented objects. The working corpus grows in .build/fuzz/corpus, seeded from the
# committed Fuzz/corpus. Per input the target has a 50 ms budget (then KeyboardInterrupt);
# -timeout catches native code that ignores it.
FUZZ_SECONDS ?= 600
FUZZ_ARGS ?=
FUZZ_DIR = .build/fuzz
FUZZ_FLAGS = -c release --scratch-path $(FUZZ_DIR) --product MiniPythonFuzz \
	-Xswiftc -sanitize=fuzzer -Xswiftc -DMINIPYTHON_LIBFUZZER -Xswiftc -use-ld=lld

.PHONY: build release run test check-lessons pretrained e2e conformance bench fuzz clean check-swift check-ncurses check-tmux

build: check-swift check-ncurses
	$(SWIFT) build

release: check-swift check-ncurses
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	.build/release/pytorch-tutor

test: check-swift check-ncurses
	$(SWIFT) test
	$(MAKE) check-lessons
	$(MAKE) e2e
	$(MAKE) conformance

check-lessons: release
	.build/release/pytorch-tutor check --lessons Lessons

pretrained: release
	.build/release/pytorch-tutor run Datasets/pretrained/train_pretrained.py
	python3 Datasets/make_bundle.py
	$(SWIFT) build $(RELEASE_FLAGS)

e2e: check-swift check-ncurses check-tmux
	$(SWIFT) build --product pytorch-tutor
	sh Tests/EndToEnd/tutor-tmux.sh .build/debug/pytorch-tutor

conformance: release
	python3 Tests/Conformance/ratchet.py .build/release/pytorch-tutor

bench: check-swift
	$(SWIFT) build $(RELEASE_FLAGS)
	.build/release/TensorBench $(BENCH) $(BENCH_ARGS)

fuzz: check-swift
	$(SWIFT) build $(FUZZ_FLAGS)
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	SWIFT_BACKTRACE=enable=no $(FUZZ_DIR)/release/MiniPythonFuzz $(FUZZ_DIR)/corpus Fuzz/corpus \
	  -dict=Fuzz/python.dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -artifact_prefix=$(FUZZ_DIR)/artifacts/ -print_final_stats=1 $(FUZZ_ARGS) 2>&1 | tee $(FUZZ_DIR)/fuzz.log
	@echo "fuzz: $$(grep -o 'number_of_executed_units: [0-9]*' $(FUZZ_DIR)/fuzz.log | grep -o '[0-9]*') executions"
	@! grep -q '^SUMMARY: libFuzzer' $(FUZZ_DIR)/fuzz.log || { echo "fuzz: failure, reproducer in $(FUZZ_DIR)/artifacts"; exit 1; }

clean:
	rm -rf .build

# The Swift toolchain must be on PATH.
check-swift:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "error: '$(SWIFT)' not found. Install a Swift 6 toolchain (https://www.swift.org/install/)"; \
	  echo "       and put its usr/bin on PATH, e.g.  export PATH=/opt/swift/usr/bin:\$$PATH"; \
	  exit 1; }

# The terminal UI needs the wide-character ncurses headers. As root, try to
# install them; otherwise say what to install.
check-ncurses:
	@if [ -f /usr/include/ncursesw/curses.h ] || pkg-config --exists ncursesw 2>/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "ncursesw headers missing: installing libncursesw5-dev"; \
	  apt-get install -y libncursesw5-dev || { apt-get update && apt-get install -y libncursesw5-dev; } || { \
	    echo "error: could not install libncursesw5-dev"; exit 1; }; \
	else \
	  echo "error: ncursesw development headers not found (/usr/include/ncursesw/curses.h)."; \
	  echo "       Install them, e.g.  sudo apt-get install libncursesw5-dev   (Debian/Ubuntu)"; \
	  echo "                           sudo dnf install ncurses-devel          (Fedora)"; \
	  exit 1; \
	fi

# The tutor's end-to-end test runs it inside tmux. As root, install tmux if missing.
check-tmux:
	@if command -v tmux >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "tmux missing: installing it"; \
	  apt-get install -y tmux || { apt-get update && apt-get install -y tmux; } || { \
	    echo "error: could not install tmux"; exit 1; }; \
	else \
	  echo "error: tmux not found; install it (e.g. sudo apt-get install tmux) for the tutor's end-to-end test"; \
	  exit 1; \
	fi
