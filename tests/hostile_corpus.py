"""The hostile corpus of tokyo_validation (no CKAN): files and feeds an
attacker or a broken publisher sends, generated in process.

Each file case has a class (what it attacks), a name, its bytes (built when
asked: `case.data()`), and the finding codes of which one must appear when
the case is validated with the corpus's limits (none: any terminal result
will do). `files(scale)` yields them; scale 1 keeps every case small enough
for the unit tests (the bulk of about 1,300 runs in well under a minute),
`bench/hostile.py` builds the same classes at the sizes of the attacks that
were reported (scale "full").

Feed cases (`feeds()`) are HTTP server behaviours on 127.0.0.1 for the
guarded client: trickling, stalling, lying about sizes, compressing,
redirecting; `FeedServer` serves them.
"""
from __future__ import annotations

import codecs
import gzip
import io
import random
import socket
import threading
import time
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PHONE = "電話番号"


@dataclass
class Case:
    klass: str
    name: str
    build: Callable[[], bytes]
    suffix: str = ".csv"
    expect: tuple[str, ...] = ()  # one of these codes must be found
    timeout: Optional[float] = None  # own time limit (cases that run into it)

    def data(self) -> bytes:
        return self.build()


# ---------------------------------------------------------------- CSV helpers


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    lines = []
    for row in rows:
        cells = ['"' + c.replace('"', '""') + '"' if (delimiter in c or '"' in c or "\n" in c) else c
                 for c in row]
        lines.append(delimiter.join(cells))
    return ("\r\n".join(lines) + "\r\n").encode(encoding, errors="replace")


FILLERS = {
    "ascii": "a",
    "fullwidth-digits": "０",
    "kanji": "東",
    "halfwidth-kana": "ｱ",
    "emoji": "\U0001F600",
    "combining": "e\u0301",
    "controls": "\x1b[31m\x07",
    "bidi": "\u202e",
}


def long_cells(length: int, filler: str, rows: int, columns: int) -> Callable[[], bytes]:
    """Rows whose phone-number cells are `length` characters of `filler`
    (each one a finding that used to be stored whole, five times)."""
    def build() -> bytes:
        cell = (filler * (length // len(filler) + 1))[:length]
        header = [PHONE] + [f"{PHONE}{n}" for n in range(1, columns)]
        return csv_bytes([header] + [[cell] * columns for _ in range(rows)])
    return build


# ---------------------------------------------------------------- XLSX helpers

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '</styleSheet>')
SHARED = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>名称</t></si></sst>'


def sheet(rows: list[list[str]], dimension: str = "") -> str:
    cells = "".join(
        f'<row r="{r}">' + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in row) + "</row>"
        for r, row in enumerate(rows, start=1))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">{dim}'
            f'<sheetData>{cells}</sheetData></worksheet>')


SHEET = sheet([["名称", PHONE], ["新宿区役所", "03-3209-1111"]])


def xlsx(parts: Optional[dict[str, object]] = None, drop: tuple[str, ...] = (),
         compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal workbook with some parts replaced (str, bytes or an iterable
    of byte chunks, streamed into the zip)."""
    base: dict[str, object] = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": SHEET,
        "xl/styles.xml": STYLES, "xl/sharedStrings.xml": SHARED}
    base.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as book:
        for name, content in base.items():
            if name in drop:
                continue
            if isinstance(content, str):
                book.writestr(name, content.encode())
            elif isinstance(content, bytes):
                book.writestr(name, content)
            else:
                with book.open(name, "w", force_zip64=True) as stream:
                    for chunk in content:  # type: ignore[attr-defined]
                        stream.write(chunk)
    return out.getvalue()


def styles_bomb(count: int, element: str) -> Callable[[], bytes]:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN_NS}">'.encode()
        yield b'<fonts count="1"><font><sz val="11"/></font></fonts><cellXfs>'
        block = element.encode() * 1000
        for _ in range(count // 1000 + 1):
            yield block
        yield b"</cellXfs></styleSheet>"
    return lambda: xlsx({"xl/styles.xml": chunks()})


def strings_bomb(count: int, text: str) -> Callable[[], bytes]:
    def chunks() -> Iterator[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'.encode()
        block = f"<si><t>{text}</t></si>".encode() * 1000
        for _ in range(count // 1000 + 1):
            yield block
        yield b"</sst>"
    return lambda: xlsx({"xl/sharedStrings.xml": chunks()})


def zip_member(name: str, size: int, byte: bytes = b"0") -> Callable[[], bytes]:
    """A workbook with `name` inflating to `size` bytes of one byte (ratio bomb)."""
    def chunks() -> Iterator[bytes]:
        block = byte * (1024 * 1024)
        for _ in range(size // len(block)):
            yield block
        yield byte * (size % len(block))
    return lambda: xlsx({name: chunks()})


def lying_sizes(declared_small: bool) -> Callable[[], bytes]:
    """A member whose header lies about its size (zipfile checks while reading)."""
    def build() -> bytes:
        data = bytearray(xlsx({"xl/worksheets/sheet1.xml": sheet([["名称"]] + [["x" * 50]] * 2000)},
                              compression=zipfile.ZIP_STORED))
        name = b"xl/worksheets/sheet1.xml"
        at = data.find(b"PK\x01\x02")  # central directory entries: size at +24, name at +46
        while at != -1:
            if data[at + 46:at + 46 + len(name)] == name:
                data[at + 24:at + 28] = (10 if declared_small else 2**31).to_bytes(4, "little")
            at = data.find(b"PK\x01\x02", at + 4)
        return bytes(data)
    return build


XML_TRICKS = {
    "xxe-file": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "xxe-http": '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:1/secret">]>',
    "xxe-parameter": '<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    "billion-laughs": "<!DOCTYPE x [" + '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 10)) + "]>",
    "quadratic": '<!DOCTYPE x [<!ENTITY q "' + "q" * 50_000 + '">]>',
    "external-dtd": '<!DOCTYPE x SYSTEM "http://127.0.0.1:1/evil.dtd">',
}
XML_USES = {
    "xxe-file": "&e;", "xxe-http": "&e;", "xxe-parameter": "", "billion-laughs": "&a9;",
    "quadratic": "&q;" * 200, "external-dtd": "",
}
XML_PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
             "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"]


def xml_trick(part: str, trick: str) -> Callable[[], bytes]:
    def build() -> bytes:
        original = {"xl/worksheets/sheet1.xml": sheet([["名称", "X"], ["a", "USE"]]), "xl/sharedStrings.xml": SHARED,
                    "xl/styles.xml": STYLES, "xl/workbook.xml": WORKBOOK, "[Content_Types].xml": CONTENT_TYPES,
                    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "_rels/.rels": ROOT_RELS}[part]
        head, body = original.split("?>", 1)
        body = body.replace("USE", XML_USES[trick]) if "USE" in body else body
        return xlsx({part: head + "?>" + XML_TRICKS[trick] + body})
    return build


def deep_nesting(part: str, depth: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return xlsx({part: f'<?xml version="1.0"?><x xmlns="{MAIN_NS}">' + "<a>" * depth + "</a>" * depth + "</x>"})
    return build


# ---------------------------------------------------------------- the corpus


def files(scale: str = "unit", seed: int = 2026) -> Iterator[Case]:
    """Every hostile file case. scale "unit": small, for the test suite's
    limits (`UNIT_LIMITS`); "full": the reported attacks at their size, for
    the bench and the production limits."""
    full = scale == "full"
    rnd = random.Random(seed)

    # 1. Report amplification: long cells, each a finding.
    shapes = {250: ((20, 1), (60, 3)), 1_000: ((20, 1), (60, 3)), 5_000: ((20, 1), (60, 3)), 20_000: ((20, 1),)}
    if full:
        shapes = {1_000: ((1_000, 1),), 20_000: ((1_000, 1),), 60_000: ((1_000, 1),)}
    for length, sizes in shapes.items():
        for kind, filler in FILLERS.items():
            for rows, columns in sizes:
                yield Case("amplification", f"{kind}-{length}x{rows}x{columns}",
                           long_cells(length, filler, rows, columns),
                           expect=("tokyo/phone-format", "tokyo/zenkaku-alnum", "tokyo/limit-bytes"))
    # 2. Wide tables: the header alone costs ~10 ms a column to open.
    widths = [201, 400, 2_000, 20_000] if not full else [2_001, 20_000, 150_000]
    for width in widths:
        for encoding in ("utf-8", "cp932", "utf-16"):
            for delimiter in (",", "\t"):
                yield Case("wide", f"{width}-{encoding}-{'tab' if delimiter == chr(9) else 'comma'}",
                           lambda w=width, e=encoding, d=delimiter: csv_bytes(
                               [[f"列{n}" for n in range(w)], ["1"] * w], e, d),
                           expect=("tokyo/limit-columns",))
    # a header longer than the sample the engine reads first (256 KiB)
    yield Case("wide", "150000-header-past-the-sample",
               lambda: csv_bytes([[f"c{n}" for n in range(150_000)], ["1"] * 150_000]), expect=("tokyo/limit-columns",))
    for cells in (5_000, 50_000) if not full else (150_000,):
        yield Case("wide", f"wide-data-row-{cells}",
                   lambda c=cells: csv_bytes([["名称", "備考"], ["a"] * c, ["b", "c"]]))
    # 3. XLSX style bombs: cell formats openpyxl keeps, parsed whole.
    counts = [100_001, 150_000] if not full else [1_000_000]
    forms = ['<xf/>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
             '<xf applyAlignment="1"><alignment indent="3"/></xf>', '<font><sz val="11"/></font>',
             '<fill><patternFill patternType="solid"/></fill>', '<border><left/><right/></border>',
             '<numFmt numFmtId="200" formatCode="0.0"/>', '<dxf><font><b/></font></dxf>']
    for count in counts:
        for n, form in enumerate(forms):
            yield Case("xlsx-styles", f"{count}-form{n}", styles_bomb(count, form), ".xlsx",
                       expect=("tokyo/xlsx-too-complex", "tokyo/xlsx-too-large"))
    # 4. Shared strings held in memory.
    for count, text in ((200_000, "x"), (50_000, "東京" * 20)) if not full else ((3_000_000, "x"),):
        yield Case("xlsx-strings", f"{count}-{len(text)}", strings_bomb(count, text), ".xlsx",
                   expect=("tokyo/xlsx-too-complex", "tokyo/xlsx-too-large"))
    # 5. Zip bombs and broken archives.
    for name in ("xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/media/image1.png",
                 "docProps/core.xml", "xl/theme/theme1.xml"):
        for size in (3 * 1024 * 1024, 9 * 1024 * 1024) if not full else (300 * 1024 * 1024,):
            yield Case("zip-bomb", f"{name}-{size}", zip_member(name, size), ".xlsx",
                       expect=("tokyo/xlsx-too-large", "tokyo/xlsx-too-complex"))
    yield Case("zip-bomb", "lying-size-small", lying_sizes(True), ".xlsx")
    yield Case("zip-bomb", "lying-size-large", lying_sizes(False), ".xlsx")
    yield Case("zip-bomb", "many-members", lambda: xlsx({f"xl/media/m{n}.bin": b"" for n in range(5_000)}), ".xlsx")
    for drop in XML_PARTS:
        yield Case("zip-bomb", f"missing-{drop}", lambda d=drop: xlsx(drop=(d,)), ".xlsx")
    yield Case("zip-bomb", "truncated", lambda: xlsx()[:700], ".xlsx")
    yield Case("zip-bomb", "nested-zip", lambda: xlsx({"xl/worksheets/sheet1.xml": xlsx()}), ".xlsx")
    # 6. XML tricks in every part openpyxl or the sheet scan reads.
    for part in XML_PARTS:
        for trick in XML_TRICKS:
            yield Case("xml", f"{trick}-{part}", xml_trick(part, trick), ".xlsx")
        yield Case("xml", f"deep-{part}", deep_nesting(part, 20_000 if not full else 200_000), ".xlsx")
    # 7. Dimension bomb: openpyxl pads rows to the declared width and height.
    for dimension in ("A1:XFD1048576", "A1:XFD2", "A1:B1048576"):
        rows = [["名称", PHONE], ["a", "b"]]
        yield Case("xlsx-dimension", dimension,
                   lambda d=dimension, r=rows: xlsx({"xl/worksheets/sheet1.xml": sheet(r, d)}), ".xlsx",
                   timeout=None if full else 2)
    yield Case("xlsx-dimension", "row-1048576",
               lambda: xlsx({"xl/worksheets/sheet1.xml": sheet([["名称", PHONE]]).replace(
                   "</sheetData>", '<row r="1048576"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>')}),
               ".xlsx", timeout=None if full else 2)
    # 8. Encodings.
    base = [["名称", PHONE, "住所"]] + [[f"施設{n}", "03-1234-5678", "東京都新宿区"] for n in range(40)]
    for encoding in ("utf-8", "utf-8-sig", "cp932", "utf-16", "utf-16-le", "utf-16-be", "euc-jp", "iso-2022-jp"):
        good = csv_bytes(base, encoding)
        for where in ("start", "middle", "end"):
            for junk in (b"\xff", b"\x80\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00" * 7,
                         b"\x81", b"\xc0\xaf"):
                at = {"start": 0, "middle": len(good) // 2, "end": len(good)}[where]
                yield Case("encoding", f"{encoding}-{where}-{junk[:2].hex()}",
                           lambda g=good, a=at, j=junk: g[:a] + j + g[a:])
    for name, data in (("bom-only", codecs.BOM_UTF8), ("utf16-odd", "名称".encode("utf-16") + b"\x00"),
                       ("lone-surrogate", b"\xff\xfe" + b"\x00\xd8a\x00"), ("nuls", b"\x00" * 5000),
                       ("cr-only", "名称,電話番号\r施設,03\r".encode()), ("bom-utf32", codecs.BOM_UTF32 + b"a\x00\x00\x00")):
        yield Case("encoding", name, lambda d=data: d)
    # 9. CSV structure.
    for encoding in ("utf-8", "cp932", "utf-16"):
        for name, build in (
            ("unterminated-quote", lambda e=encoding: ('名称,備考\n"施設,' + "x" * 50_000 + "\n").encode(e)),
            ("one-long-line", lambda e=encoding: ("名称," + "x" * (150_000 if not full else 60_000_000)).encode(e)),
            ("one-long-quoted-cell", lambda e=encoding: ('名称,備考\n"' + "x\n" * (75_000 if not full else 30_000_000)
                                                         + '",a\n').encode(e)),
            ("empty-lines", lambda e=encoding: ("名称,備考\n" + "\n" * 20_000).encode(e)),
            ("many-rows", lambda e=encoding: ("名称,備考\n" + "a,b\n" * 6_000).encode(e)),
            ("delimiter-soup", lambda e=encoding: (",;\t|" * 50 + "\n") .encode(e) * 200),
            ("quotes", lambda e=encoding: ('"""",""""\n' * 1_000).encode(e)),
            ("ragged", lambda e=encoding: "\n".join(",".join("x" * (n % 7) for _ in range(n % 50))
                                                   for n in range(1_000)).encode(e)),
            ("header-only", lambda e=encoding: "名称,電話番号\n".encode(e)),
            ("newlines-in-cells", lambda e=encoding: ('名称,備考\n"a\n\n\n",b\n' * 500).encode(e)),
            ("nul-in-cells", lambda e=encoding: ("名称,備考\na\x00b,c\n" * 500).encode(e)),
        ):
            yield Case("csv-structure", f"{name}-{encoding}", build)
    # 10. Terminal escapes and controls in cells and headings.
    for name, text in (("clear-screen", "\x1b[2J\x1b[H"), ("osc52-clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07"),
                       ("c1-csi", "\x9b31m"), ("bidi-override", "\u202eexe.txt"), ("bell", "\x07" * 10),
                       ("backspace", "abc\x08\x08\x08xyz"), ("title", "\x1b]0;pwned\x07"),
                       ("isolate", "\u2066abc\u2069"), ("del", "a\x7fb"), ("cr", "visible\rhidden")):
        for place in ("heading", "cell", "both"):
            heading = PHONE + (text if place != "cell" else "")
            cell = text if place != "heading" else "03-1234-5678"
            yield Case("terminal", f"{name}-{place}",
                       lambda h=heading, c=cell: csv_bytes([[h, "名称"], [c, "a"], [c + "x", "b"]]))
    # 11. Formula prefixes (the steward CSV neutralises them).
    for prefix in ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢"):
        yield Case("formula", f"prefix-{ord(prefix):x}",
                   lambda p=prefix: csv_bytes([["名称", PHONE], [p + "HYPERLINK(\"http://x\")", p + "1+1"]]))
    # 12. Seeded random bytes, zip-looking bytes and random CSV-like text.
    for n in range(250):
        noise = rnd.randbytes(rnd.choice([0, 1, 3, 64, 1024, 8192, 65536]))
        yield Case("random", f"bytes-{n}", lambda r=noise: r)
    for n in range(150):
        noise = b"PK\x03\x04" + rnd.randbytes(rnd.choice([4, 100, 4000]))
        yield Case("random", f"zip-{n}", lambda r=noise: r, ".xlsx")
    alphabet = list("abc,,\t\"\n\r 　東京都０１①ｶﾅ㈱\x00\x1b") + ["令和2年", "03-1234-5678", "https://x"]
    for n in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.choice([10, 200, 1000])))
        encoded = text.encode(rnd.choice(["utf-8", "cp932", "utf-16"]), "replace")
        yield Case("random", f"text-{n}", lambda t=encoded: t)
    # 13. Workbooks whose library errors name the file's path.
    for name, parts, drop in (("no-workbook", {}, ("xl/workbook.xml",)), ("no-sheet", {}, ("xl/worksheets/sheet1.xml",)),
                              ("bad-rels", {"xl/_rels/workbook.xml.rels": "<x"}, ()),
                              ("bad-types", {"[Content_Types].xml": "not xml"}, ()),
                              ("no-rels", {}, ("_rels/.rels", "xl/_rels/workbook.xml.rels"))):
        yield Case("paths", name, lambda p=parts, d=drop: xlsx(p, drop=d), ".xlsx")


UNIT_LIMITS = dict(max_bytes=2 * 1024 * 1024, max_rows=5_000, timeout=5.0, max_findings=50,
                   max_report_bytes=64 * 1024, max_columns=200, max_line_bytes=128 * 1024)


# ---------------------------------------------------------------- feeds


@dataclass
class Feed:
    klass: str
    name: str
    serve: Callable[[socket.socket, FeedServer], None]  # talks to one accepted client
    redirects_to: Optional[str] = None
    expect_error: bool = True
    meta: dict[str, object] = field(default_factory=dict)


def _send_slowly(client: socket.socket, data: bytes, every: float, stop: threading.Event) -> None:
    for n in range(len(data)):
        if stop.is_set():
            return
        client.sendall(data[n:n + 1])
        time.sleep(every)


HEAD_OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
BODY = csv_bytes([["名称", PHONE], ["新宿区役所", "03-3209-1111"]])


def feeds(scale: str = "unit", every: Optional[float] = None) -> Iterator[Feed]:
    """Server behaviours. The slow ones send a byte every `every` seconds
    (scale "unit": 0.1, "full": 2, as in the reported attack)."""
    every = every if every is not None else (0.1 if scale == "unit" else 2.0)

    def trickle_headers(client, server):
        _send_slowly(client, HEAD_OK + b"X-Slow: " + b"a" * 10_000, every, server.stop)

    def trickle_body(client, server):
        client.sendall(HEAD_OK + b"Content-Length: 100000\r\n\r\n")
        _send_slowly(client, b"x" * 100_000, every, server.stop)

    def stall_after_headers(client, server):
        client.sendall(HEAD_OK + b"Content-Length: 100\r\n\r\n")
        server.stop.wait(30)

    def stall_before_answer(client, server):
        server.stop.wait(30)

    def stall_mid_body(client, server):
        client.sendall(HEAD_OK + b"Content-Length: 100000\r\n\r\n" + BODY)
        server.stop.wait(30)

    def endless_body(client, server):
        client.sendall(HEAD_OK + b"\r\n")
        block = b"a,b\r\n" * 10_000
        while not server.stop.is_set():
            try:
                client.sendall(block)
            except OSError:
                return

    def endless_chunked(client, server):
        client.sendall(HEAD_OK + b"Transfer-Encoding: chunked\r\n\r\n")
        while not server.stop.is_set():
            try:
                client.sendall(b"10000\r\n" + b"x" * 0x10000 + b"\r\n")
            except OSError:
                return

    def huge_chunk_size(client, server):
        client.sendall(HEAD_OK + b"Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n" + BODY)
        server.stop.wait(30)

    def declared_too_big(client, server):
        client.sendall(HEAD_OK + b"Content-Length: 99999999999\r\n\r\n" + BODY)

    def gzip_bomb(client, server):
        bomb = gzip.compress(b"0" * (20 * 1024 * 1024), 9)
        client.sendall(HEAD_OK + b"Content-Encoding: gzip\r\nContent-Length: "
                       + str(len(bomb)).encode() + b"\r\n\r\n" + bomb)

    def deflate_endless(client, server):
        client.sendall(HEAD_OK + b"Content-Encoding: deflate\r\n\r\n")
        block = b"x\x9c" + b"\x00" * 65536
        while not server.stop.is_set():
            try:
                client.sendall(block)
            except OSError:
                return

    def many_headers(client, server):
        client.sendall(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 200 + b"\r\n" + BODY)

    def long_header_line(client, server):
        client.sendall(b"HTTP/1.1 200 OK\r\nX-A: " + b"b" * 200_000 + b"\r\n\r\n" + BODY)

    def garbage_status(client, server):
        client.sendall(b"\x00\xff garbage\r\n\r\n")

    def not_http(client, server):
        client.sendall(b"SSH-2.0-OpenSSH_9.0\r\n")
        server.stop.wait(30)

    def tls_stall(client, server):  # the client speaks TLS, the server never answers
        server.stop.wait(30)

    def wrong_length(client, server):
        client.sendall(HEAD_OK + b"Content-Length: 10\r\n\r\n" + BODY)

    def status_500(client, server):
        client.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n")

    def redirect(location: bytes, status: bytes = b"302"):
        def serve(client, server):
            client.sendall(b"HTTP/1.1 " + status + b" Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n")
        return serve

    slow = {"trickle-headers": trickle_headers, "trickle-body": trickle_body,
            "stall-after-headers": stall_after_headers, "stall-before-answer": stall_before_answer,
            "stall-mid-body": stall_mid_body, "huge-chunk-size": huge_chunk_size}
    for name, serve in slow.items():
        yield Feed("slow-feed", name, serve)
    yield Feed("slow-feed", "tls-handshake-stall", tls_stall, meta={"scheme": "https"})
    for name, serve in {"endless-body": endless_body, "endless-chunked": endless_chunked,
                        "declared-too-big": declared_too_big, "deflate-endless": deflate_endless}.items():
        yield Feed("size-feed", name, serve)
    yield Feed("size-feed", "gzip-bomb", gzip_bomb, expect_error=False)  # stored as sent: gzip bytes, unreadable
    for name, serve in {"many-headers": many_headers, "long-header-line": long_header_line,
                        "garbage-status": garbage_status, "not-http": not_http, "wrong-length": wrong_length,
                        "status-500": status_500}.items():
        yield Feed("protocol-feed", name, serve, expect_error=name not in ("many-headers", "wrong-length"))
    targets = [b"http://127.0.0.1/", b"http://localhost:22/", b"http://[::1]/", b"http://0x7f000001/",
               b"http://2130706433/", b"http://169.254.169.254/latest/meta-data/", b"http://[fec0::1]/",
               b"http://[::ffff:10.0.0.1]/", b"http://[64:ff9b::a9fe:a9fe]/", b"file:///etc/passwd",
               b"ftp://example.org/x.csv", b"gopher://127.0.0.1:6379/_INFO", b"http://user@127.0.0.1/",
               b"http://127.1/", b"http://0/", b"//127.0.0.1/x", b"http://[fd00:ec2::254]/",
               b"http://100.100.100.200/", b"http://192.168.0.1/", b"http://10.0.0.1\r\nX-Injected: 1"]
    for n, target in enumerate(targets):
        for status in (b"301", b"302", b"307", b"308"):
            yield Feed("redirect-feed", f"to-{n}-{status.decode()}", redirect(target, status))
    yield Feed("redirect-feed", "loop", redirect(b"/again"))
    yield Feed("redirect-feed", "no-location", lambda c, s: c.sendall(b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"))


def feed(name: str, **options: object) -> Feed:
    """The feed of that name (options as for `feeds`)."""
    return next(f for f in feeds(**options) if f.name == name)  # type: ignore[arg-type]


class FeedServer:
    """Serves one Feed on 127.0.0.1 (a thread per client); `stop` releases
    the stalling ones."""

    def __init__(self, feed: Feed):
        self.feed = feed
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{self.feed.meta.get('scheme', 'http')}://127.0.0.1:{self.port}/data.csv"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(client,), daemon=True).start()

    def _talk(self, client: socket.socket) -> None:
        try:
            client.settimeout(35)
            if self.feed.meta.get("scheme") != "https":
                client.recv(65536)  # the request
            self.feed.serve(client, self)
        except OSError:
            pass
        finally:
            client.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()

    def __enter__(self) -> FeedServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
