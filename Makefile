# kiem: `make` builds ./kiem; `make run` and `make test` are the README's two
# commands; `make check` adds the sanitizers and the lints; `make bench`
# measures against the budgets of DESIGN.md section 5.

CC ?= cc
PKGS := libmicrohttpd jansson sqlite3 libpq libsodium libcmark libcurl
OPT ?= -O2 -g
VERSION := 0.1.0
STD := -std=c11 -D_GNU_SOURCE -DKIEM_VERSION=\"$(VERSION)\" -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wformat=2 -Wno-format-nonliteral -fno-common
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LIBS = $(PKG_LIBS) -lpthread

SRC := $(sort $(wildcard src/*/*.c))
MAIN := src/main.c
OBJ := $(SRC:src/%.c=build/obj/%.o)
SAN_OBJ := $(SRC:src/%.c=build/san/%.o)
UNIT := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT:tests/unit/%.c=build/unit/%)
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all run test check bench deps test-deps bench-deps npm unit e2e browser lint clean demo FORCE
all: kiem

# What building and running need (make run); the tests' and the benchmarks'
# packages come with make test and make bench (deps.txt has the sections).
deps:
	@./scripts/deps.sh build run

test-deps:
	@./scripts/deps.sh build run test

npm: test-deps
	@./scripts/deps.sh --npm build run test

bench-deps:
	@./scripts/deps.sh build run bench

# The pages' texts: every file in src/web/msg/ (one a feature), so that
# adding one edits no list. Written only when the list changes.
MSG := $(sort $(wildcard src/web/msg/*.h))
MSG_ALL := build/gen/msg_all.h
$(MSG_ALL): FORCE
	@mkdir -p $(dir $@)
	@for f in $(MSG); do echo "#include \"../../$$f\""; done > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
FORCE:

HDR := $(wildcard src/*.h src/*/*.h src/*/*/*.h) $(MSG_ALL)

build/obj/%.o: src/%.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(OPT) $(PKG_CFLAGS) -c $< -o $@

build/san/%.o: src/%.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g $(SAN) $(PKG_CFLAGS) -c $< -o $@

# sqlite.c's functions under the prefix sqlite_, beside pg.c's (src/store/engine.h)
build/obj/store/sqlite.o build/san/store/sqlite.o: STD += -include src/store/sqlite_names.h
build/obj/web/static.o build/san/web/static.o: $(wildcard src/web/static/*)
build/obj/api/meta.o build/san/api/meta.o: src/api/openapi.json
build/obj/cli/demo.o build/san/cli/demo.o: src/cli/demo.json

kiem: $(OBJ) build/obj/main.o
	$(CC) $(OPT) -o $@ $^ $(LIBS)

kiem-san: $(SAN_OBJ) build/san/main.o
	$(CC) -g $(SAN) -o $@ $^ $(LIBS)

build/unit/%: tests/unit/%.c tests/unit/testdb.h $(OBJ) $(MSG_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(STD) $(OPT) $(PKG_CFLAGS) -o $@ $< $(OBJ) $(LIBS) -lcmocka

build/unit-san/%: tests/unit/%.c tests/unit/testdb.h $(SAN_OBJ) $(MSG_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(STD) -O1 -g $(SAN) $(PKG_CFLAGS) -o $@ $< $(SAN_OBJ) $(LIBS) -lcmocka

# Every SQL text of src/, for test_pg's check that each prepares on
# PostgreSQL (KIEM_PG_SQL); and the unit tests that run on PostgreSQL too
# when KIEM_PG is set (each empties its database first).
PG_SQL := build/pg-sql.list
PG_UNIT := $(patsubst tests/unit/%.c,%,$(shell grep -l KIEM_PG $(UNIT)))
$(PG_SQL): $(SRC) $(HDR) scripts/pg-sql-list.sh
	@mkdir -p $(dir $@)
	./scripts/pg-sql-list.sh > $@

# The quick tier: unit tests (those of PG_UNIT once more against a
# PostgreSQL server), the end-to-end tests against the real binary on SQLite and on
# PostgreSQL, and browser tests in Debian's Chromium. tests/with-pg.sh
# starts a private PostgreSQL server for its command and stops it after.
test: npm kiem $(UNIT_BIN) $(PG_SQL)
	@./tests/run-unit.sh $(UNIT_BIN)
	KIEM_PG_SQL=$(PG_SQL) ./tests/with-pg.sh ./tests/run-unit.sh $(PG_UNIT:%=build/unit/%)
	KIEM_BIN=$(CURDIR)/kiem node --test --test-concurrency=2 tests/e2e/
	KIEM_BIN=$(CURDIR)/kiem ./tests/with-pg.sh node --test --test-concurrency=2 tests/e2e/
	KIEM_BIN=$(CURDIR)/kiem node --test --test-concurrency=1 tests/browser/

# The thorough tier: the same tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the lints.
check: npm lint kiem-san $(UNIT:tests/unit/%.c=build/unit-san/%) $(PG_SQL)
	@./tests/run-unit.sh $(UNIT:tests/unit/%.c=build/unit-san/%)
	KIEM_PG_SQL=$(PG_SQL) ./tests/with-pg.sh ./tests/run-unit.sh $(PG_UNIT:%=build/unit-san/%)
	KIEM_BIN=$(CURDIR)/kiem-san ASAN_OPTIONS=detect_leaks=1 node --test --test-concurrency=2 tests/e2e/
	KIEM_BIN=$(CURDIR)/kiem-san ASAN_OPTIONS=detect_leaks=1 ./tests/with-pg.sh node --test --test-concurrency=2 tests/e2e/
	KIEM_BIN=$(CURDIR)/kiem-san ASAN_OPTIONS=detect_leaks=1 node --test --test-concurrency=1 tests/browser/

lint:
	@./scripts/lint.sh

# Builds, creates a demo database if there is none, and serves it: on
# KIEM_DB and KIEM_LISTEN when they are set (in the environment or as
# make's variables), else ./kiem.db on 127.0.0.1:8080.
KIEM_DB ?= kiem.db
KIEM_LISTEN ?= 127.0.0.1:8080
run: deps kiem
	@test -f '$(KIEM_DB)' || ./kiem init --demo --db '$(KIEM_DB)'
	./kiem serve --db '$(KIEM_DB)' --listen '$(KIEM_LISTEN)'

bench: bench-deps kiem
	@./bench/run.sh

clean:
	rm -rf build kiem kiem-san
