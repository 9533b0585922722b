"""Every finding code with its severity, bilingual rule title, message and
fix hint.

The one place the wording lives: checks yield a code and parameters, the
report renders them here. Message and hint templates use str.format fields
({value}, {fixed_ja}, …) supplied by the check that found the problem; the
title names the rule itself (report and quality pages, CLI), so it has none.
"""
from __future__ import annotations

from string import Formatter
from typing import NamedTuple

ERROR = "error"
WARNING = "warning"
INFO = "info"


class Message(NamedTuple):
    severity: str
    title_ja: str  # the rule's name, e.g. 文字コードがUTF-8でない
    title_en: str
    ja: str
    en: str
    hint_ja: str
    hint_en: str


MESSAGES: dict[str, Message] = {
    # File and encoding
    "tokyo/unreadable": Message(
        ERROR, "読み込めないファイル", "Unreadable file",
        "ファイルを読み込めません（{detail}）。", "The file cannot be read ({detail}).",
        "CSV（UTF-8）またはXLSX形式で保存し直してください。", "Save it again as CSV (UTF-8) or XLSX."),
    "tokyo/extension-mismatch": Message(
        WARNING, "拡張子が中身の形式と異なる", "Extension does not match the content",
        "ファイル名の拡張子は「.{extension}」ですが、中身は{format}形式です。",
        "The file name ends in .{extension} but the file is {format}.",
        "拡張子を中身の形式に合わせるか、その形式で保存し直してください。",
        "Give the file the extension of its format, or save it in that format."),
    "tokyo/xls-format": Message(
        WARNING, "古いExcel形式（.xls）", "Old Excel format (.xls)",
        "Excel 97-2003形式（.xls）のファイルです。", "The file is an Excel 97-2003 workbook (.xls).",
        "CSV（UTF-8）またはXLSX形式で保存し直してください。", "Save it again as CSV (UTF-8) or XLSX."),
    "tokyo/empty-file": Message(
        ERROR, "空のファイル", "Empty file",
        "ファイルが空です。", "The file is empty.",
        "見出し行とデータを含めてください。", "Include a header row and data."),
    "tokyo/encoding-not-utf8": Message(
        ERROR, "文字コードがUTF-8でない", "Not UTF-8",
        "文字コードが{encoding}です。", "The encoding is {encoding}.",
        "UTF-8で保存し直してください。", "Save the file as UTF-8."),
    "tokyo/encoding-bom": Message(
        INFO, "UTF-8にBOMが付いている", "UTF-8 with a byte order mark",
        "UTF-8にBOMが付いています。", "The UTF-8 file starts with a byte order mark.",
        "多くのツールで読めますが、BOMなしのUTF-8がより確実です。",
        "Most tools cope, but UTF-8 without BOM is safest."),
    "tokyo/encoding-error": Message(
        ERROR, "文字コードとして読めない箇所がある", "Bytes invalid in the encoding",
        "文字コード{encoding}として読めない箇所があります（{detail}）。",
        "Part of the file is not valid {encoding} ({detail}).",
        "文字コードを一つに統一し、UTF-8で保存し直してください。",
        "Use one encoding throughout and save as UTF-8."),
    # Limits
    "tokyo/limit-bytes": Message(
        ERROR, "ファイルサイズが上限を超えている", "File size over the limit",
        "ファイルが上限（{limit}バイト）を超えているため、先頭部分だけを検査しました。",
        "The file exceeds the limit of {limit} bytes; only its beginning was checked.",
        "ファイルを分割するか、上限を引き上げて検査してください。",
        "Split the file or raise the limit."),
    "tokyo/limit-rows": Message(
        ERROR, "行数が上限に達した", "Row limit reached",
        "行数が上限（{limit}行）に達したため、以降の行は検査していません。",
        "The row limit ({limit}) was reached; later rows were not checked.",
        "ファイルを分割するか、上限を引き上げて検査してください。",
        "Split the file or raise the limit."),
    "tokyo/limit-time": Message(
        ERROR, "検査時間が上限に達した", "Time limit reached",
        "検査時間が上限（{limit}秒）に達したため、{rows}行目以降は検査していません。",
        "The time limit ({limit} s) was reached; rows after {rows} were not checked.",
        "ファイルを分割するか、上限を引き上げて検査してください。",
        "Split the file or raise the limit."),
    "tokyo/limit-findings": Message(
        INFO, "指摘の件数が上限に達した", "Findings limit reached",
        "指摘が多いため、{listed}件だけを一覧に載せています（全{total}件。ルール・列ごとの件数と例は集計にあります）。",
        "Only {listed} of {total} findings are listed (the summary by rule and column counts them all).",
        "表示された問題を直してから再度検査してください。", "Fix these and validate again."),
    "tokyo/limit-columns": Message(
        ERROR, "列数が上限を超えている", "Too many columns",
        "列数（{count}列）が上限（{limit}列）を超えているため、検査していません。",
        "The table has {count} columns, more than the limit of {limit}; it was not checked.",
        "表を分割するか、不要な列を削除してください。", "Split the table or remove the columns it does not need."),
    "tokyo/limit-line": Message(
        ERROR, "行が長すぎる", "Line too long",
        "改行のない部分が{size}バイトあり、1行の上限（{limit}バイト）を超えているため、検査していません。",
        "The file has {size} bytes without a line break, more than the limit of {limit} bytes for one line; "
        "it was not checked.",
        "行末に改行を入れて1行を1レコードにしてください。",
        "End every record with a line break, one record per line."),
    "tokyo/limit-cell": Message(
        ERROR, "セルが長すぎる", "Cell too long",
        "{limit}文字を超えるセルがあるため、そのセルから先は検査していません。",
        "A cell is longer than {limit} characters; nothing from that cell on was checked.",
        "閉じていない引用符（\"）がないか確認してください。",
        "Look for a quote (\") that is never closed."),
    "tokyo/limit-report": Message(
        INFO, "レポートのサイズが上限に達した", "Report size limit reached",
        "レポートのサイズが上限（{limit}バイト）に達したため、全{total}件の指摘のうち最初の{listed}件だけを表示しています。",
        "The report reached its size limit ({limit} bytes); only the first {listed} of {total} findings are listed.",
        "表示された問題を直してから再度検査してください。", "Fix these and validate again."),
    "tokyo/xlsx-too-complex": Message(
        ERROR, "XLSXの書式や文字列の数が多すぎる", "XLSX with too many styles or strings",
        "XLSXの{member}の要素が多すぎます（{count}個、上限{limit}個）。",
        "The XLSX part {member} has too many elements ({count}, limit {limit}).",
        "不要な書式を削除するか、シートを分割するか、CSVで保存してください。",
        "Remove unused cell formats, split the sheet or save it as CSV."),
    "tokyo/xlsx-too-large": Message(
        ERROR, "XLSXの展開後のサイズが大きすぎる", "XLSX expands to too much data",
        "XLSXの展開後のサイズが大きすぎます（{member}: {size}バイト、上限{limit}）。",
        "The XLSX expands to too much data ({member}: {size} bytes, limit {limit}).",
        "シートを分割するか、CSVで保存してください。", "Split the sheet or save as CSV."),
    # Schema
    "tokyo/schema-detected": Message(
        INFO, "標準データセットとして検査した", "Checked as a standard dataset",
        "標準データセット「{schema}」として検査しました。{reason}",
        "Checked as standard dataset \"{schema}\". {reason_en}", "", ""),
    "tokyo/schema-not-detected": Message(
        INFO, "標準データセットに該当しない", "No standard dataset matched",
        "見出しが標準データセットのいずれとも一致しないため、共通ルールだけで検査しました。",
        "The header matches no standard dataset; only the general rules were applied.",
        "標準データセットの場合は、定義書どおりの項目名にしてください。",
        "For a standard dataset, use the item names of its definition."),
    "tokyo/unknown-schema": Message(
        ERROR, "スキーマが存在しない", "Unknown schema",
        "スキーマ「{schema}」はありません。", "There is no schema \"{schema}\".",
        "auto か登録済みのスキーマIDを指定してください。", "Give auto or a known schema id."),
    # Table shape
    "tokyo/title-row": Message(
        ERROR, "見出し行の上に表題などの行がある", "Title row above the header",
        "見出し行の上に表題などの行があります（「{value}」）。",
        "There is a title or other row above the header (\"{value}\").",
        "1行目を見出し行にし、表題や単位は見出しやメタデータに移してください。",
        "Make row 1 the header; move titles and units into headings or metadata."),
    "tokyo/note-row": Message(
        ERROR, "表の中に注記の行がある", "Note row in the table",
        "表の中に注記の行があります（「{value}」）。",
        "There is a note row in the table (\"{value}\").",
        "注記は別のファイルやメタデータの説明欄に移してください。",
        "Move notes into a separate file or the dataset description."),
    "tokyo/blank-row": Message(
        ERROR, "空行がある", "Blank row",
        "空行があります{run_ja}。", "The row is blank{run_en}.",
        "空行を削除してください。", "Delete blank rows."),
    "tokyo/trailing-blank-rows": Message(
        WARNING, "表の末尾に空行がある", "Blank rows at the end",
        "表の末尾に空行が{count}行あります。", "The table ends with {count} blank rows.",
        "末尾の空行を削除してください（Excelでは行ごと削除します）。",
        "Delete the blank rows at the end (in Excel, delete the whole rows)."),
    "tokyo/multi-row-header": Message(
        ERROR, "見出しが複数行ある", "Header on more than one row",
        "見出しが{count}行にわたっています（見出しの下の{value}行目も見出しの続きです）。",
        "The header spans {count} rows (row {value} under it continues it).",
        "見出しは1行にし、英語名・単位・型などの行は削除するか別の資料にしてください。",
        "Keep the header on one row; delete rows of English names, units or types, or move them elsewhere."),
    "tokyo/header-variant": Message(
        WARNING, "見出しが定義の項目名と異なる", "Heading differs from the item name",
        "見出し「{value}」は定義の項目名「{item}」と異なります。",
        "The heading \"{value}\" differs from the item name \"{item}\".",
        "定義書どおりの項目名にしてください{fixed_ja}。", "Use the item name of the definition{fixed_en}."),
    "tokyo/header-whitespace": Message(
        WARNING, "見出しに改行や空白がある", "Heading with line breaks or spaces",
        "見出し「{value}」に改行や空白が含まれています。",
        "The heading \"{value}\" contains line breaks or spaces.",
        "改行や空白を除いてください{fixed_ja}。", "Remove the line breaks and spaces{fixed_en}."),
    "tokyo/multiple-tables": Message(
        ERROR, "1つのシートに複数の表がある", "More than one table in a sheet",
        "1つのシートに複数の表があるようです（「{value}」）。",
        "The sheet seems to hold more than one table (\"{value}\").",
        "表ごとに別のシートまたはファイルに分けてください。",
        "Put each table in its own sheet or file."),
    "tokyo/blank-label": Message(
        ERROR, "見出しが空の列がある", "Column without a heading",
        "見出しが空の列があります（{column}列目）。", "Column {column} has no heading.",
        "すべての列に見出しを付けてください。", "Give every column a heading."),
    "tokyo/duplicate-label": Message(
        ERROR, "見出しが重複している", "Duplicate heading",
        "見出し「{value}」が重複しています。", "The heading \"{value}\" is duplicated.",
        "見出しは列ごとに異なる名前にしてください。", "Give each column its own heading."),
    "tokyo/missing-cell": Message(
        ERROR, "セルが足りない行がある", "Row with missing cells",
        "この行はセルが{count}個足りません。", "This row is missing {count} cell(s).",
        "すべての行の列数を見出し行とそろえてください。",
        "Give every row as many cells as the header."),
    "tokyo/extra-cell": Message(
        ERROR, "見出しより列が多い行がある", "Row with more cells than the header",
        "この行は見出しより列が多くなっています。", "This row has more cells than the header.",
        "値の中のカンマを含むセルは \"\" で囲むなど、列数をそろえてください。",
        "Quote cells that contain commas so the row has as many cells as the header."),
    "tokyo/frictionless": Message(
        ERROR, "表の構造に問題がある", "Table structure problem",
        "表の構造に問題があります（{detail}）。", "Table structure problem ({detail}).",
        "表を1行目が見出しの単純な表にしてください。", "Make it a plain table with the header on row 1."),
    # Schema columns and values
    "tokyo/required-column-missing": Message(
        ERROR, "必須項目の列がない", "Required column missing",
        "必須項目「{value}」の列がありません{basis_ja}。", "The required column \"{value}\" is missing{basis_en}.",
        "定義書の項目名で列を追加してください。", "Add the column with the item name of the definition."),
    "tokyo/recommended-column-missing": Message(
        WARNING, "推奨項目の列がない", "Recommended column missing",
        "推奨項目「{value}」の列がありません。", "The recommended column \"{value}\" is missing.",
        "可能であれば定義書の項目名で列を追加してください。",
        "Add the column with the item name of the definition if you can."),
    "tokyo/unknown-column": Message(
        INFO, "標準データセットにない列がある", "Column not in the standard dataset",
        "列「{value}」は標準データセットの項目にありません。",
        "The column \"{value}\" is not an item of the standard dataset.",
        "独自項目であれば問題ありません。項目名の表記ゆれであれば定義書どおりに直してください。",
        "Fine for a local extra; if it is a variant spelling, use the item name of the definition."),
    "tokyo/required-value-missing": Message(
        ERROR, "必須項目が空", "Required item empty",
        "必須項目が空です{basis_ja}。", "A required item is empty{basis_en}.",
        "値を記入してください。", "Fill in a value."),
    "tokyo/recommended-value-missing": Message(
        WARNING, "推奨項目が空", "Recommended item empty",
        "推奨項目が空です。", "A recommended item is empty.",
        "可能であれば値を記入してください。", "Fill in a value if you can."),
    # Characters
    "tokyo/zenkaku-alnum": Message(
        ERROR, "全角の英数字・記号がある", "Full-width letters, digits or symbols",
        "全角の英数字・記号が含まれています（「{value}」）。",
        "Full-width letters, digits or symbols (\"{value}\").",
        "半角で記載してください{fixed_ja}。", "Use half-width (ASCII) characters{fixed_en}."),
    "tokyo/variant-kanji": Message(
        WARNING, "JIS X 0208にない異体字がある", "Variant kanji outside JIS X 0208",
        "「{chars}」はJIS X 0208にない異体字（IBM拡張・NEC選定IBM拡張文字）です（「{value}」）。",
        "\"{chars}\" is a variant kanji outside JIS X 0208 (an IBM/NEC extension) (\"{value}\").",
        "人名・社名などの正式な表記であれば変えずにUTF-8で提供してください。Shift_JISしか扱えない"
        "システムでは表示できないことがあるため、正式な表記でなければ通常の字体（例: 髙→高）にしてください。",
        "Keep it if it is how a person or company writes its name, and publish in UTF-8; systems limited "
        "to Shift_JIS may not show it, so use the common form (e.g. 髙 → 高) where the variant is not required."),
    "tokyo/platform-dependent-char": Message(
        ERROR, "機種依存文字がある", "Platform-dependent characters",
        "機種依存文字「{chars}」が含まれています。",
        "Platform-dependent characters \"{chars}\" (CP932 extensions outside JIS X 0208).",
        "JIS X 0208の範囲の文字に書き換えてください{fixed_ja}。", "Use characters of JIS X 0208{fixed_en}."),
    "tokyo/hankaku-kana": Message(
        ERROR, "半角カナがある", "Half-width katakana",
        "半角カナが含まれています（「{value}」）。", "Half-width katakana (\"{value}\").",
        "全角カナで記載してください{fixed_ja}。", "Use full-width katakana{fixed_en}."),
    "tokyo/surrounding-space": Message(
        WARNING, "値の前後に空白がある", "Value with surrounding spaces",
        "値の前後に空白や改行があります（「{value}」）。",
        "The value has spaces or line breaks around it (\"{value}\").",
        "前後の空白・改行を除いてください{fixed_ja}。", "Remove them{fixed_en}."),
    "tokyo/line-break": Message(
        WARNING, "セル内に改行がある", "Line break in a cell",
        "セル内で改行されています（「{value}」）。", "The cell contains a line break (\"{value}\").",
        "改行を除いて1行にしてください。複数の値は「;」などで区切ります。",
        "Write it on one line; separate several values with \";\" or similar."),
    "tokyo/mojibake": Message(
        ERROR, "文字化けしている", "Garbled text (mojibake)",
        "文字化けしています（「{value}」）。{origin_ja}", "The text is garbled (\"{value}\").{origin_en}",
        "元のデータから正しい文字コードで保存し直してください{fixed_ja}。",
        "Save the data again from the source in the right encoding{fixed_en}."),
    "tokyo/replacement-char": Message(
        ERROR, "文字化けで失われた文字（�）がある", "Characters lost to U+FFFD",
        "文字化けで失われた文字（�）があります（「{value}」）。",
        "Characters were lost and replaced by U+FFFD (\"{value}\").",
        "元のデータから正しい文字を入れ直し、UTF-8で保存してください。",
        "Restore the characters from the source data and save as UTF-8."),
    "tokyo/lost-chars": Message(
        ERROR, "文字が「?」に置き換わっている", "Characters replaced by ?",
        "文字コードの変換で失われた文字が「?」になっています（「{value}」）。",
        "Characters lost in an encoding conversion appear as \"?\" (\"{value}\").",
        "元のデータから正しい文字（～、－、髙など）を入れ直し、UTF-8で保存してください。",
        "Restore the characters (～, －, 髙 and the like) from the source data and save as UTF-8."),
    "tokyo/zenkaku-text": Message(
        INFO, "文中に全角の英数字がある", "Full-width letters or digits in text",
        "全角の英数字が含まれています（「{value}」）。",
        "Full-width letters or digits (\"{value}\").",
        "機械で読みやすくするには、英数字は半角がおすすめです{fixed_ja}。",
        "Half-width letters and digits are easier for machines{fixed_en}."),
    "tokyo/duplicate-id": Message(
        ERROR, "IDが重複している", "Duplicate ID",
        "「{value}」は{first}行目と同じです。", "\"{value}\" is also on row {first}.",
        "レコードごとに異なる値にしてください。", "Give every record its own value."),
    "tokyo/duplicate-id-limit": Message(
        INFO, "IDの重複は途中まで検査した", "Duplicate IDs checked in part",
        "IDの重複は最初の{limit}件まで検査しました。", "Duplicate IDs were checked among the first {limit} values.",
        "", ""),
    "tokyo/tab-separated": Message(
        WARNING, "区切り文字がタブ", "Tab-separated",
        "ファイル名は「.{extension}」ですが、区切り文字がタブです。",
        "The file is named .{extension} but its values are separated by tabs.",
        "カンマ区切り（CSV）で保存し直してください。", "Save it again comma-separated (CSV)."),
    "tokyo/kana-format": Message(
        ERROR, "カナ項目に全角カナ以外の文字がある", "Reading not in full-width katakana",
        "カナ項目に全角カナ以外の文字があります（「{value}」）。",
        "A reading contains characters other than full-width katakana (\"{value}\").",
        "読みを全角カナで記載してください。", "Write the reading in full-width katakana."),
    # Dates and times
    "tokyo/wareki-date": Message(
        ERROR, "日付が和暦で書かれている", "Date in the Japanese era calendar",
        "和暦で記載されています（「{value}」）。", "Japanese era date (\"{value}\").",
        "西暦のYYYY-MM-DD形式で記載してください{fixed_ja}。",
        "Write the Gregorian date as YYYY-MM-DD{fixed_en}."),
    "tokyo/date-format": Message(
        ERROR, "日付がYYYY-MM-DD形式でない", "Date not written YYYY-MM-DD",
        "日付の形式がYYYY-MM-DDではありません（「{value}」）。",
        "The date is not written YYYY-MM-DD (\"{value}\").",
        "YYYY-MM-DD形式で記載してください{fixed_ja}。", "Write it as YYYY-MM-DD{fixed_en}."),
    "tokyo/wareki-out-of-era": Message(
        ERROR, "元号の期間外の和暦", "Japanese era date outside the era",
        "「{value}」は{era}の期間外です（{era}は{era_ja}）。",
        "\"{value}\" lies outside the {era} era ({era_en}).",
        "正しい元号で、西暦のYYYY-MM-DD形式で記載してください{fixed_ja}。",
        "Write the Gregorian date as YYYY-MM-DD{fixed_en}."),
    "tokyo/date-invalid": Message(
        ERROR, "存在しない日付", "Date that does not exist",
        "存在しない日付です（「{value}」）。", "The date does not exist (\"{value}\").",
        "正しい日付を記載してください。", "Correct the date."),
    "tokyo/time-format": Message(
        ERROR, "時刻がhh:mm形式でない", "Time not written hh:mm",
        "時刻の形式がhh:mmではありません（「{value}」）。",
        "The time is not written hh:mm (\"{value}\").",
        "24時間制のhh:mm形式で記載してください{fixed_ja}。", "Write it as 24-hour hh:mm{fixed_en}."),
    "tokyo/time-invalid": Message(
        ERROR, "存在しない時刻", "Time that does not exist",
        "存在しない時刻です（「{value}」）。", "The time does not exist (\"{value}\").",
        "00:00～24:00の範囲で記載してください。", "Use a time from 00:00 to 24:00."),
    # Numbers
    "tokyo/number-comma": Message(
        ERROR, "数値に桁区切りのカンマがある", "Number with thousands separators",
        "数値に桁区切りのカンマがあります（「{value}」）。",
        "The number has thousands separators (\"{value}\").",
        "カンマを除いて記載してください{fixed_ja}。", "Remove the commas{fixed_en}."),
    "tokyo/number-unit": Message(
        ERROR, "数値に単位や記号が付いている", "Number with a unit or symbol",
        "数値に単位や記号が付いています（「{value}」）。",
        "The number carries a unit or symbol (\"{value}\").",
        "単位は見出しに書き、セルには数値だけを記載してください{fixed_ja}。",
        "Put the unit in the heading and only the number in the cell{fixed_en}."),
    "tokyo/number-triangle": Message(
        ERROR, "負の数が「▲」「△」で書かれている", "Negative number written with ▲/△",
        "負の数が「▲」「△」で記載されています（「{value}」）。",
        "A negative number is written with ▲/△ (\"{value}\").",
        "マイナス記号「-」を使ってください{fixed_ja}。", "Use a minus sign{fixed_en}."),
    "tokyo/number-space": Message(
        ERROR, "数値の前後に空白がある", "Number with surrounding spaces",
        "数値の前後に空白があります（「{value}」）。",
        "The number has surrounding spaces (\"{value}\").",
        "空白を除いてください。", "Remove the spaces."),
    "tokyo/number-prose": Message(
        ERROR, "数値の項目に文章がある", "Prose in a numeric item",
        "数値の項目に数値以外の説明が含まれています（「{value}」）。",
        "A numeric item holds text besides the number (\"{value}\").",
        "数値だけを記載し、説明は備考などの項目に移してください{fixed_ja}。",
        "Write only the number and move the explanation to a remarks item{fixed_en}."),
    "tokyo/number-format": Message(
        ERROR, "数値でない", "Not a number",
        "数値ではありません（「{value}」）。", "Not a number (\"{value}\").",
        "半角数字で記載してください。", "Write an ASCII number."),
    # Identifiers (the detail comes from ckanext.tokyo.base.identifiers)
    "tokyo/lg-code-check-digit": Message(
        ERROR, "全国地方公共団体コードの検査数字が誤っている", "Local government code with a wrong check digit",
        "全国地方公共団体コード「{value}」: {detail}", "Local government code \"{value}\": {detail_en}", "", ""),
    "tokyo/lg-code-leading-zero-dropped": Message(
        ERROR, "全国地方公共団体コードの先頭の0が落ちている", "Local government code without its leading zero",
        "全国地方公共団体コード「{value}」: {detail}", "Local government code \"{value}\": {detail_en}", "", ""),
    "tokyo/lg-code-missing-check-digit": Message(
        ERROR, "全国地方公共団体コードに検査数字がない", "Local government code without its check digit",
        "全国地方公共団体コード「{value}」: {detail}", "Local government code \"{value}\": {detail_en}", "", ""),
    "tokyo/lg-code-format": Message(
        ERROR, "全国地方公共団体コードの形式が誤っている", "Malformed local government code",
        "全国地方公共団体コード「{value}」: {detail}", "Local government code \"{value}\": {detail_en}", "", ""),
    "tokyo/corporate-number-check-digit": Message(
        ERROR, "法人番号の検査数字が誤っている", "Corporate number with a wrong check digit",
        "法人番号「{value}」: {detail}", "Corporate number \"{value}\": {detail_en}", "", ""),
    "tokyo/corporate-number-format": Message(
        ERROR, "法人番号の形式が誤っている", "Malformed corporate number",
        "法人番号「{value}」: {detail}", "Corporate number \"{value}\": {detail_en}", "", ""),
    # Coordinates
    "tokyo/coordinate-format": Message(
        ERROR, "緯度・経度が10進数の度でない", "Coordinate not in decimal degrees",
        "緯度・経度が10進数の度で記載されていません（「{value}」）。",
        "The coordinate is not in decimal degrees (\"{value}\").",
        "35.689634のように10進数（度）で記載してください。", "Write decimal degrees such as 35.689634."),
    "tokyo/coordinate-outside-japan": Message(
        ERROR, "緯度・経度が日本の範囲外", "Coordinate outside Japan",
        "{axis}「{value}」が日本の範囲外です。", "The {axis_en} \"{value}\" lies outside Japan.",
        "世界測地系（JGD2011）の10進数の度で記載されているか確認してください。",
        "Check it is decimal degrees in JGD2011."),
    "tokyo/coordinates-swapped": Message(
        ERROR, "緯度と経度が入れ替わっている", "Latitude and longitude swapped",
        "緯度と経度が入れ替わっています（緯度「{value}」、経度「{other}」）。",
        "Latitude and longitude are swapped (latitude \"{value}\", longitude \"{other}\").",
        "緯度に{other}、経度に{value}を記載してください。",
        "Put {other} in latitude and {value} in longitude."),
    # Vocabularies and contact formats
    "tokyo/flag-value": Message(
        ERROR, "「1か空欄」の項目の値が違う", "1-or-blank item with another value",
        "この項目は該当するとき「1」、しないとき空欄です（「{value}」）。",
        "This item takes 1 when it applies and stays blank otherwise (\"{value}\").",
        "「1」か空欄にしてください{fixed_ja}。", "Write 1 or leave it blank{fixed_en}."),
    "tokyo/shifted-columns": Message(
        ERROR, "列がずれている", "Columns shifted",
        "この行は「{value}」列から値が1列{direction_ja}にずれています（値が隣の列の形式に合っています）。",
        "From the column \"{value}\" on, the values of this row sit one column {direction_en} "
        "(they fit the neighbouring columns).",
        "抜けているセル・余分なセルを直して、値を見出しの列にそろえてください。",
        "Add the missing cell or remove the extra one so the values sit under their headings."),
    "tokyo/yes-no": Message(
        ERROR, "有無の項目が「有」「無」でない", "Yes/no item not 有 or 無",
        "有無の項目は「有」か「無」で記載します（「{value}」）。",
        "A yes/no item takes 有 or 無 (\"{value}\").",
        "「有」または「無」で記載してください{fixed_ja}。", "Write 有 or 無{fixed_en}."),
    "tokyo/weekdays": Message(
        ERROR, "曜日の書き方が統一ルールと異なる", "Weekdays not written the standard way",
        "曜日の書き方が統一ルールと異なります（「{value}」）。",
        "Weekdays are not written as the standard requires (\"{value}\").",
        "「月火水木金」のように漢字1字ずつ月曜から順に続けて記載してください{fixed_ja}。",
        "Write one kanji per day in order from Monday, e.g. 月火水木金{fixed_en}."),
    "tokyo/phone-format": Message(
        ERROR, "電話番号の形式が誤っている", "Malformed telephone number",
        "電話番号の形式が正しくありません（「{value}」）。",
        "The telephone number is not well formed (\"{value}\").",
        "03-1234-5678のように半角数字とハイフンで記載し、内線は別の列にしてください。",
        "Write ASCII digits with hyphens such as 03-1234-5678; put extensions in their own column."),
    "tokyo/postal-code-format": Message(
        ERROR, "郵便番号の形式が誤っている", "Malformed postal code",
        "郵便番号の形式が正しくありません（「{value}」）。",
        "The postal code is not well formed (\"{value}\").",
        "160-0023 または 1600023 のように7桁で記載してください。",
        "Write 7 digits such as 160-0023 or 1600023."),
    "tokyo/town-id-format": Message(
        ERROR, "町字IDの形式が誤っている", "Malformed town ID",
        "町字IDの形式が正しくありません（「{value}」）。",
        "The town ID (町字ID) is not well formed (\"{value}\").",
        "0008001 または 0008-001 のように7桁で記載してください。",
        "Write 7 digits such as 0008001 or 0008-001."),
    "tokyo/url-format": Message(
        ERROR, "URLの形式が誤っている", "Malformed URL",
        "URLの形式が正しくありません（「{value}」）。", "The URL is not well formed (\"{value}\").",
        "https:// から始まる完全なURLを空白なしで記載してください。",
        "Write a complete URL starting with https:// and without spaces."),
    "tokyo/email-format": Message(
        ERROR, "メールアドレスの形式が誤っている", "Malformed e-mail address",
        "メールアドレスの形式が正しくありません（「{value}」）。",
        "The e-mail address is not well formed (\"{value}\").",
        "name@example.lg.jp のように記載してください。", "Write it as name@example.lg.jp."),
    "tokyo/poi-code-format": Message(
        ERROR, "POIコードの形式が誤っている", "Malformed POI code",
        "POIコードの形式が正しくありません（「{value}」）。",
        "The POI code is not well formed (\"{value}\").",
        "GIFのPOIコード表にある3桁の数字で記載してください。",
        "Use a 3-digit code from the GIF POI code table."),
    # XLSX
    "tokyo/xlsx-merged-cells": Message(
        ERROR, "結合されたセルがある", "Merged cells",
        "結合されたセルがあります（{value}）。", "Merged cells ({value}).",
        "セルの結合を解除し、各セルに値を記入してください。", "Unmerge the cells and fill each one."),
    "tokyo/xlsx-formula": Message(
        WARNING, "数式が入力されている", "Cells with formulas",
        "数式が入力されています（{value}）。", "The cell holds a formula ({value}).",
        "数式を値に変換して保存してください。", "Convert formulas to values before saving."),
    "tokyo/xlsx-extra-sheets": Message(
        WARNING, "シートが複数ある", "More than one sheet",
        "シートが{count}枚あります。最初のシート「{value}」だけを検査しました。",
        "The workbook has {count} sheets; only the first, \"{value}\", was checked.",
        "1ファイル1シート1表にしてください。", "Use one table per sheet and file."),
}


class Rendered(NamedTuple):
    severity: str
    message: str  # the problem followed by the fix hint (Japanese)
    message_en: str
    hint: str  # the fix hint alone, "" when the rule has none
    hint_en: str


def render(code: str, params: dict[str, object]) -> Rendered:
    """A finding's wording: the message (problem and fix hint, as the report
    has always carried it) and the fix hint on its own."""
    msg = MESSAGES[code]
    safe = _Params(params)
    if params.get("fixed") is not None:  # optional suggested correction
        safe["fixed_ja"] = f"（例: {params['fixed']}）"
        safe["fixed_en"] = f", e.g. {params['fixed']}"
    if params.get("unverified"):  # 掲載区分 of a definition not yet checked against the official sheet
        safe["basis_ja"] = "（定義の掲載区分が未確認のため警告）"
        safe["basis_en"] = " (a warning: the definition's levels are not verified)"
    if int(params.get("run") or 0) > 1:
        safe["run_ja"] = f"（{params['run']}行続いています）"
        safe["run_en"] = f" ({params['run']} rows in a row)"
    if "era" in params:
        safe["era_ja"], safe["era_en"] = _era_words().get(str(params["era"]), ("", ""))
    for key, pairs in PARAM_WORDS.items():
        if params.get(key) in pairs:
            safe[f"{key}_ja"], safe[f"{key}_en"] = pairs[params[key]]
    text, text_en = msg.ja.format_map(safe), msg.en.format_map(safe)
    hint, hint_en = msg.hint_ja.format_map(safe), msg.hint_en.format_map(safe)
    return Rendered(msg.severity, text + hint, " ".join(part for part in (text_en, hint_en) if part),
                    hint, hint_en)


def title(code: str, lang: str = "ja") -> str:
    """The rule's short title in Japanese or English (the code when unknown)."""
    msg = MESSAGES.get(code)
    if msg is None:
        return code
    return msg.title_en if lang == "en" else msg.title_ja


# The suggested correction: optional, so a rule's hint reads whole without it.
OPTIONAL_FIELDS = frozenset({"fixed_ja", "fixed_en"})

# Words a check names by a key, in both languages.
PARAM_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "direction": {"left": ("左", "to the left"), "right": ("右", "to the right")},
    "origin": {"latin1": ("Shift_JISやUTF-8の文字がLatin-1（西欧）の文字として読まれ、そのまま保存されています。",
                          " Shift_JIS or UTF-8 text was read as Latin-1 and saved so."),
               "cp932": ("UTF-8の文字がShift_JIS（CP932）の文字として読まれ、そのまま保存されています。",
                         " UTF-8 text was read as Shift_JIS (CP932) and saved so.")},
}


def _era_words() -> dict[str, tuple[str, str]]:
    from .checks.wareki_date import ERAS  # the era dates live with the rule

    def ja(day): return f"{day.year}年{day.month}月{day.day}日"
    def en(day): return day.strftime("%-d %B %Y")
    return {era: (f"{ja(start)}～{ja(end)}" if end else f"{ja(start)}から",
                  f"{en(start)} to {en(end)}" if end else f"from {en(start)}")
            for era, (start, end) in ERAS.items()}


def rule_hint(code: str, lang: str = "ja") -> str:
    """The rule's fix hint apart from any finding: "" when its wording needs
    a finding's values (e.g. which coordinate goes where) or it has none."""
    msg = MESSAGES.get(code)
    if msg is None:
        return ""
    template = msg.hint_en if lang == "en" else msg.hint_ja
    if {name for _, name, _, _ in Formatter().parse(template) if name} - OPTIONAL_FIELDS:
        return ""
    return template.format_map(_Params())


class _Params(dict):
    # An absent optional parameter (e.g. no suggested fix) renders as nothing.
    def __missing__(self, key: str) -> str:
        return ""
