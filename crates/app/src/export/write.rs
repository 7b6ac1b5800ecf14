//! Writing a table as CSV, JSON or Parquet, and its codebook beside it. Each file is written
//! to a temporary file in the same folder and renamed over the target only when complete, so
//! a crash or a full disk never leaves a half-written export (or codebook) under its name.

use super::{codebook, Cell, ColType, Format, Table};
use crate::AppError;
use arrow::array::{ArrayRef, BooleanArray, Float64Array, Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn io(path: &Path) -> impl Fn(std::io::Error) -> AppError + '_ {
    move |source| AppError::Io { path: path.display().to_string(), source }
}

fn invalid(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::Invalid(format!("{}: {e}", path.display()))
}

/// Where the codebook of an export at `out` goes: `<out>.codebook.md`.
pub fn codebook_path(out: &Path) -> PathBuf {
    let mut s = out.as_os_str().to_owned();
    s.push(".codebook.md");
    PathBuf::from(s)
}

/// Write `table` to `out` in `format`, and its codebook beside it; returns the codebook path.
pub fn write(table: &Table, format: Format, out: &Path) -> Result<PathBuf, AppError> {
    atomically(out, |tmp| match format {
        Format::Csv => csv(table, tmp),
        Format::Json => json(table, tmp),
        Format::Parquet => parquet(table, tmp),
    })?;
    let cb = codebook_path(out);
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    atomically(&cb, |tmp| std::fs::write(tmp, codebook::markdown(table, &name)).map_err(io(tmp)))?;
    Ok(cb)
}

/// Run `write` on a new temporary file beside `out`, flush it to disk, then rename it to
/// `out`; on any error the temporary file is removed and `out` is left as it was.
fn atomically(out: &Path, write: impl FnOnce(&Path) -> Result<(), AppError>) -> Result<(), AppError> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).map_err(io(out))?;
    write(tmp.path())?;
    tmp.as_file().sync_all().map_err(io(tmp.path()))?;
    tmp.persist(out).map_err(|e| AppError::Io { path: out.display().to_string(), source: e.error })?;
    Ok(())
}

fn text(c: &Cell) -> String {
    match c {
        Cell::Null => String::new(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Str(s) => s.clone(),
        Cell::Bool(b) => b.to_string(),
    }
}

fn csv(table: &Table, out: &Path) -> Result<(), AppError> {
    let mut w = ::csv::Writer::from_path(out).map_err(|e| invalid(out, e))?;
    w.write_record(table.columns.iter().map(|c| c.name)).map_err(|e| invalid(out, e))?;
    for row in &table.rows {
        w.write_record(row.iter().map(text)).map_err(|e| invalid(out, e))?;
    }
    w.flush().map_err(io(out))
}

fn json(table: &Table, out: &Path) -> Result<(), AppError> {
    let records: Vec<serde_json::Map<String, serde_json::Value>> = table
        .rows
        .iter()
        .map(|row| {
            table.columns.iter().zip(row).map(|(c, v)| (c.name.to_string(), serde_json::to_value(v).unwrap_or_default())).collect()
        })
        .collect();
    let bytes = serde_json::to_vec_pretty(&records).map_err(|e| invalid(out, e))?;
    std::fs::write(out, bytes).map_err(io(out))
}

fn column_array(table: &Table, i: usize) -> ArrayRef {
    let cells = table.rows.iter().map(|r| &r[i]);
    match table.columns[i].ty {
        ColType::Int => Arc::new(cells.map(|c| if let Cell::Int(v) = c { Some(*v) } else { None }).collect::<Int64Array>()),
        ColType::Float => Arc::new(cells.map(|c| if let Cell::Float(v) = c { Some(*v) } else { None }).collect::<Float64Array>()),
        ColType::Bool => Arc::new(cells.map(|c| if let Cell::Bool(v) = c { Some(*v) } else { None }).collect::<BooleanArray>()),
        ColType::Str => Arc::new(cells.map(|c| if let Cell::Str(v) = c { Some(v.as_str()) } else { None }).collect::<StringArray>()),
    }
}

fn parquet(table: &Table, out: &Path) -> Result<(), AppError> {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|c| {
            let ty = match c.ty {
                ColType::Int => DataType::Int64,
                ColType::Float => DataType::Float64,
                ColType::Bool => DataType::Boolean,
                ColType::Str => DataType::Utf8,
            };
            Field::new(c.name, ty, c.nullable)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let arrays: Vec<ArrayRef> = (0..table.columns.len()).map(|i| column_array(table, i)).collect();
    let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| invalid(out, e))?;
    let file = std::fs::File::create(out).map_err(io(out))?;
    let props = parquet::file::properties::WriterProperties::builder().set_compression(parquet::basic::Compression::SNAPPY).build();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, schema, Some(props)).map_err(|e| invalid(out, e))?;
    w.write(&batch).map_err(|e| invalid(out, e))?;
    w.close().map_err(|e| invalid(out, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{Column, Table};

    fn table() -> Table {
        let c = |name, ty, nullable| Column { name, ty, nullable, description: "d" };
        Table {
            name: "t",
            description: "test",
            columns: vec![c("n", ColType::Int, true), c("s", ColType::Str, false), c("b", ColType::Bool, true), c("f", ColType::Float, true)],
            rows: vec![
                vec![Cell::Int(3), Cell::str("a, \"b\""), Cell::Bool(true), Cell::Float(0.5)],
                vec![Cell::Null, Cell::str("c"), Cell::Null, Cell::Null],
            ],
        }
    }

    #[test]
    fn csv_quotes_and_leaves_nulls_empty_and_codebook_lists_columns() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.csv");
        let cb = write(&table(), Format::Csv, &out).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "n,s,b,f\n3,\"a, \"\"b\"\"\",true,0.5\n,c,,\n");
        let md = std::fs::read_to_string(cb).unwrap();
        for name in ["`n`", "`s`", "`b`", "`f`"] {
            assert!(md.contains(name), "{name} missing from codebook");
        }
    }

    #[test]
    fn json_is_records_with_nulls() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.json");
        write(&table(), Format::Json, &out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(v[0]["n"], 3);
        assert_eq!(v[1]["n"], serde_json::Value::Null);
        assert_eq!(v[0]["b"], true);
    }

    #[test]
    fn a_failed_export_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.csv");
        std::fs::write(&out, "old\n").unwrap();
        let err = atomically(&out, |tmp| {
            std::fs::write(tmp, "half a ta").unwrap();
            Err(AppError::Invalid("disk full".into()))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n", "the target is untouched");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from("t.csv")], "no temporary file is left");
        write(&table(), Format::Csv, &out).unwrap();
        assert!(std::fs::read_to_string(&out).unwrap().starts_with("n,s,b,f\n"), "a complete export replaces it");
        let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["t.csv", "t.csv.codebook.md"]);
    }

    #[test]
    fn parquet_is_written_with_a_magic_footer() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.parquet");
        write(&table(), Format::Parquet, &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
        assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");
    }
}
