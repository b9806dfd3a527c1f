#!/usr/bin/env python3
"""Runs every row of tests/specs/expected.tsv with --json (both engines
unless the row names one) and validates each result against
tests/json/brink-result.schema.json with python3-jsonschema; also checks
that the JSON's exit_code is the process's and that trace_length is the
row's counterexample length.  Not part of `make check` (the suite's own
validator is in tests/unit/t92_cli2_out.c); run from the repo root:

    python3 benchmarks/json_sweep.py [limit-seconds]
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60
schema = json.load(open('tests/json/brink-result.schema.json'))
rows = [l.rstrip('\n').split('\t') for l in open('tests/specs/expected.tsv')
        if not l.startswith('#') and not l.startswith('spec\t')]
out = os.path.join(tempfile.mkdtemp(), 'result.json')
runs = bad = 0
statuses = {}
for row in rows:
    spec, args, cex = row[0], row[1], row[3] if len(row) > 3 else '-'
    a = [] if args == '-' else args.split(' ')
    for engine in (['symbolic', 'explicit'] if '--engine' not in a else [None]):
        cmd = ['./brink', 'check', '--quiet', '--json', out] + \
            (['--engine', engine] if engine else []) + a + [spec]
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=limit)
        except subprocess.TimeoutExpired:
            print('time limit:', ' '.join(cmd))
            continue
        runs += 1
        try:
            j = json.load(open(out))
            jsonschema.validate(j, schema)
        except Exception as e:  # noqa: BLE001 -- any failure is reported
            bad += 1
            print('INVALID:', ' '.join(cmd), str(e)[:300])
            continue
        statuses[j['status']] = statuses.get(j['status'], 0) + 1
        if j['exit_code'] != p.returncode:
            bad += 1
            print('exit code differs:', ' '.join(cmd))
        if j['status'] in ('VIOLATION_FOUND', 'DEADLOCK') and cex != '-' \
                and j['trace_length'] != int(cex):
            bad += 1
            print('trace length differs:', ' '.join(cmd), j['trace_length'], cex)
        os.unlink(out)
print(f'{runs} runs, {bad} bad; statuses: {statuses}')
sys.exit(1 if bad else 0)
