"""Detect the encoding of a CSV file: UTF-8 (BOM or not), CP932/Shift_JIS, EUC-JP, UTF-16.

Japanese text is unambiguous enough that strict decoding decides: UTF-8 is
tried over the whole file (cheap, and a late CP932 line must not be missed),
CP932 and EUC-JP over a leading sample. Shift_JIS is reported when the
sample holds no CP932 extensions; decoding always uses cp932, its superset.
EUC-JP bytes often decode as CP932 too, as half-width katakana and odd
kanji: when both decode, the reading with more ordinary Japanese wins.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO, Optional

SAMPLE = 1024 * 1024
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Encoding:
    codec: str  # Python codec to decode with
    name: str  # what the report shows

    @property
    def is_utf8(self) -> bool:
        return self.codec in ("utf-8", "utf-8-sig")


UTF8 = Encoding("utf-8", "UTF-8")
UTF8_BOM = Encoding("utf-8-sig", "UTF-8 (BOM)")
UTF16_BOM = Encoding("utf-16", "UTF-16")
UTF16LE = Encoding("utf-16-le", "UTF-16LE")
UTF16BE = Encoding("utf-16-be", "UTF-16BE")
CP932 = Encoding("cp932", "CP932")
SHIFT_JIS = Encoding("cp932", "Shift_JIS")
EUC_JP = Encoding("euc_jp", "EUC-JP")

KNOWN = (UTF8, UTF8_BOM, UTF16_BOM, UTF16LE, UTF16BE, CP932, SHIFT_JIS, EUC_JP)


def by_name(name: Optional[str]) -> Optional[Encoding]:
    """The encoding a report names (Report.encoding), or None."""
    return next((e for e in KNOWN if e.name == name), None)


# Kana and the common kanji make a reading plausible; half-width katakana,
# the user-defined area and rare ideographs are what a wrong reading yields.
_ORDINARY = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fa5]")
_ODD = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\u3400-\u4dbf\uf900-\ufaff]")


def detect(stream: BinaryIO, max_bytes: int) -> Optional[Encoding]:
    """The encoding of stream (read from its start), or None when nothing fits."""
    stream.seek(0)
    sample = stream.read(SAMPLE)
    if sample.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16_BOM
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if _decodes_whole(stream, "utf-8", max_bytes):
        return UTF8
    cp932 = _decoded(sample, "cp932")
    euc = _decoded(sample, "euc_jp")
    if euc is not None and (cp932 is None or _plausibility(euc) > _plausibility(cp932)):
        return EUC_JP
    if cp932 is not None:
        return SHIFT_JIS if _decodes(sample, "shift_jis") else CP932
    if _decodes(sample, "utf-8"):
        return UTF8  # valid UTF-8 at first, broken later: report it as UTF-8 with errors
    return None


def _utf16_without_bom(sample: bytes) -> Optional[Encoding]:
    # Delimiters, digits and newlines are ASCII, so half their bytes are NUL.
    head = sample[:4096]
    if len(head) < 4 or head.count(0) * 8 < len(head):
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    candidate = UTF16LE if odd > even else UTF16BE
    return candidate if _decodes(sample, candidate.codec) else None


def _decoded(data: bytes, codec: str) -> Optional[str]:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        return decoder.decode(data, final=False)  # a character cut at the sample's end is fine
    except UnicodeDecodeError:
        return None


def _decodes(data: bytes, codec: str) -> bool:
    return _decoded(data, codec) is not None


def _plausibility(text: str) -> int:
    return len(_ORDINARY.findall(text)) - 2 * len(_ODD.findall(text))


def _decodes_whole(stream: BinaryIO, codec: str, max_bytes: int) -> bool:
    decoder = codecs.getincrementaldecoder(codec)()
    stream.seek(0)
    left = max_bytes
    try:
        while left > 0:
            chunk = stream.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            decoder.decode(chunk, final=False)
        decoder.decode(b"", final=left > 0)
    except UnicodeDecodeError:
        return False
    return True
