"""Every input format, encodings, delimiters, malformed CSV, missing columns."""

import io
import json

import pandas as pd
import pytest

from feedbackai.audit.reading import AuditInputError, detect_delimiter, detect_encoding, open_source


def rows_of(src, size=2):
    out = []
    for ch in src.chunks(size):
        out += list(zip(ch.rows, ch.positions, ch.errors))
    return out


HEADER = "id,comment,gender\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    p = tmp_path / "x.csv"
    p.write_bytes((HEADER + "1,Café déjà vu — naïve,female\n2,Plain,male\n").encode(encoding))
    src = open_source(p)
    assert src.columns == ["id", "comment", "gender"]
    rows = rows_of(src)
    assert rows[0][0][1] == "Café déjà vu — naïve"
    assert src.stats.bad_bytes == 0


@pytest.mark.parametrize("delim", [";", "\t", "|", ","])
def test_csv_delimiters(tmp_path, delim):
    p = tmp_path / "x.csv"
    p.write_text(delim.join(["id", "comment", "gender"]) + "\n" + delim.join(["1", "Good, clear work", "f"]) + "\n")
    if delim == ",":
        p.write_text('id,comment,gender\n1,"Good, clear work",f\n')
    src = open_source(p)
    assert src.delimiter == delim
    assert rows_of(src)[0][0] == ["1", "Good, clear work", "f"]


def test_quoted_newlines_and_line_numbers(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text('id,comment\n1,"first line\nsecond line"\n2,next\n\n3,"a ""quoted"" word"\n')
    rows = rows_of(open_source(p), size=10)
    assert [r[0] for r in rows] == [["1", "first line\nsecond line"], ["2", "next"], ["3", 'a "quoted" word']]
    assert [r[1] for r in rows] == ["line 2", "line 4", "line 6"]   # blank line 5 is not a row


def test_ragged_rows_kept_with_error_naming_line(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,comment,gender\n1,ok,f\n2,too,many,fields\n3,short\n4,trailing,m,\n")
    src = open_source(p)
    rows = rows_of(src, size=10)
    assert len(rows) == 4
    assert rows[0][2] is None
    assert "line 3 has 4 fields, the header has 3" in rows[1][2]
    assert "line 4 has 2 fields" in rows[2][2]
    assert rows[3][2] is None and rows[3][0] == ["4", "trailing", "m"]  # trailing empty field is fine
    assert src.stats.ragged_lines == [3, 4]


def test_ragged_rows_error_mode(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,comment\n1,ok\n2,bad,row\n")
    with pytest.raises(AuditInputError, match="line 3"):
        rows_of(open_source(p, on_bad_rows="error"))


def test_bad_bytes_are_replaced_and_counted(tmp_path):
    p = tmp_path / "x.csv"
    # valid UTF-8 in the first MiB sample, then a stray cp1252 byte further on
    body = HEADER + "".join(f"{i},fine text {i},f\n" for i in range(60000))
    p.write_bytes(body.encode() + b"99,bad \x92 byte,f\n")
    src = open_source(p)
    assert src.encoding == "utf-8"
    rows = rows_of(src, size=5000)
    assert rows[-1][0][1] == "bad \ufffd byte"
    assert src.stats.bad_bytes == 1


def test_detectors():
    assert detect_encoding("héllo".encode("cp1252") * 50) != "utf-8"
    assert detect_encoding(b"\xef\xbb\xbfid") == "utf-8-sig"
    assert detect_delimiter("a;b;c\n1;2;3") == ";"
    assert detect_delimiter("single\nx") == ","


def test_missing_column_names_it_and_lists_available(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text(HEADER + "1,x,f\n")
    src = open_source(p)
    with pytest.raises(AuditInputError) as e:
        src.require({"text column": ["comments"], "group column": ["gender", "race"]})
    msg = str(e.value)
    assert "text column 'comments' not found (did you mean 'comment'?)" in msg
    assert "group column 'race' not found" in msg
    assert "available columns: 'id', 'comment', 'gender'" in msg


def test_empty_and_missing_file(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("")
    with pytest.raises(AuditInputError, match="empty"):
        open_source(p)
    with pytest.raises(AuditInputError, match="not found"):
        open_source(tmp_path / "nope.csv")


def test_xlsx(tmp_path):
    p = tmp_path / "x.xlsx"
    pd.DataFrame({"id": [1, 2], "comment": ["Good work", "=1+1"], "when": pd.to_datetime(["2026-01-02", "2026-03-04"])}) \
        .to_excel(p, index=False)
    src = open_source(p)
    assert src.columns == ["id", "comment", "when"] and src.total == 2
    rows = rows_of(src)
    assert rows[0][0][:2] == [1, "Good work"] and rows[0][0][2].startswith("2026-01-02")
    assert rows[1][1] == "row 3"


def test_parquet(tmp_path):
    p = tmp_path / "x.parquet"
    pd.DataFrame({"id": ["a", "b", "c"], "comment": ["x", None, "z"]}).to_parquet(p)
    src = open_source(p)
    assert src.total == 3
    assert [r[0] for r in rows_of(src)] == [["a", "x"], ["b", None], ["c", "z"]]


def test_jsonl_with_a_bad_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": 1, "comment": "hi"}) + "\n{not json\n\n" + json.dumps({"id": 2, "comment": "yo", "x": [1]}) + "\n")
    src = open_source(p)
    rows = rows_of(src, size=10)
    assert src.columns == ["id", "comment", "x"]
    assert len(rows) == 3
    assert rows[1][2] and "line 2" in rows[1][2]
    assert rows[2][0] == [2, "yo", "[1]"]


def test_binary_stream_like_stdin():
    data = ("id;comment\n1;Bonjour à tous\n").encode("cp1252")
    src = open_source(io.BytesIO(data))
    assert src.format == "csv" and src.delimiter == ";"
    assert rows_of(src)[0][0] == ["1", "Bonjour à tous"]
    src = open_source(io.BytesIO(b'{"comment": "a"}\n{"comment": "b"}\n'))
    assert src.format == "jsonl" and len(rows_of(src)) == 2


def test_parquet_from_stream(tmp_path):
    buf = io.BytesIO()
    pd.DataFrame({"comment": ["x", "y"]}).to_parquet(buf)
    buf.seek(0)
    src = open_source(buf)
    assert src.format == "parquet" and len(rows_of(src)) == 2


def test_dataframe_source_and_duplicate_headers():
    df = pd.DataFrame([[1, "a", "b"]], columns=["id", "c", "c"])
    src = open_source(df)
    assert src.columns == ["id", "c", "c.1"]
    assert rows_of(src)[0][0] == [1, "a", "b"]
