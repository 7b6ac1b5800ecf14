"""Read a tierwatch export with pyarrow and pandas; called by tests/export.rs.

usage: export_check.py CSV PARQUET CODEBOOK EXPECTED_ROWS TYPED_COLUMNS

Checks: the Parquet file has EXPECTED_ROWS rows; every column has the type the codebook
gives it (int64 / float64 / boolean / utf8); the TYPED_COLUMNS (name:type,...) are there
with those types; and the CSV read by pandas with those types equals the Parquet read by
pandas, row for row (the round trip). Prints "ok ROWS" on success; fails with a message.
"""
import re
import sys

try:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as e:  # pragma: no cover - environment problem, reported clearly
    sys.exit(f"pyarrow and pandas are needed for this test (CI installs them): {e}")

csv_path, parquet_path, codebook_path, expected_rows, typed = sys.argv[1:6]
ARROW = {"int64": pa.int64(), "float64": pa.float64(), "boolean": pa.bool_(), "utf8": pa.string()}
PANDAS = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype()}

table = pq.read_table(parquet_path)
assert table.num_rows == int(expected_rows), f"{parquet_path}: {table.num_rows} rows, expected {expected_rows}"
schema = {f.name: f.type for f in table.schema}

documented = {}
for line in open(codebook_path, encoding="utf-8"):
    m2 = re.match(r"\| `([a-z0-9_]+)` \| [a-z]+ \((int64|float64|utf8)\) \|", line) or re.match(r"\| `([a-z0-9_]+)` \| (boolean) \|", line)
    if m2:
        documented[m2.group(1)] = ARROW[m2.group(2)]
assert set(documented) == set(schema), f"codebook columns {sorted(documented)} != parquet columns {sorted(schema)}"
for name, ty in schema.items():
    assert documented[name] == ty, f"{name}: parquet {ty}, codebook {documented[name]}"
for spec in typed.split(","):
    name, ty = spec.split(":")
    assert schema.get(name) == ARROW[ty], f"{name}: {schema.get(name)}, expected {ty}"

from_parquet = table.to_pandas(types_mapper=PANDAS.get)
from_csv = pd.read_csv(csv_path, dtype={n: PANDAS[t] for n, t in schema.items()}, keep_default_na=False, na_values=[""])
assert list(from_csv.columns) == list(from_parquet.columns), "column order differs"
assert len(from_csv) == len(from_parquet), f"csv {len(from_csv)} rows, parquet {len(from_parquet)}"
pd.testing.assert_frame_equal(from_parquet, from_csv, check_exact=True)
print("ok", table.num_rows)
