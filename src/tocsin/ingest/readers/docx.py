"""Word .docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile

from tocsin.errors import RejectedInput
from tocsin.ingest.textnorm import normalise
from tocsin.types import ReadResult

# A .docx is a zip: refuse archives that inflate far beyond any real document (zip bombs).
MAX_INFLATED = 256 * 1024 * 1024


class DocxReader:
    name = "docx"
    version = 1
    refines: str | None = None
    extensions = (".docx",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and (
            b"word/" in head or b"[Content_Types].xml" in head
        )

    def read(self, data: bytes) -> ReadResult:
        import docx  # python-docx; imported here so text-only runs do not pay for it
        from docx.table import Table

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inflated = sum(info.file_size for info in archive.infolist())
                if "word/document.xml" not in archive.namelist():
                    raise RejectedInput("not a Word document: the archive has no word/document.xml")
        except zipfile.BadZipFile as exc:
            raise RejectedInput(f"corrupt .docx: {exc}") from None
        if inflated > MAX_INFLATED:
            raise RejectedInput(
                f"refused .docx: it inflates to {inflated // 2**20} MiB (zip bomb?)"
            )
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many types for damaged parts
            raise RejectedInput(f"corrupt .docx: {type(exc).__name__}: {exc}") from None
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    blocks.append("\t".join(cell.text.strip() for cell in row.cells))
            else:
                blocks.append(item.text)
        text = normalise("\n\n".join(b.strip() for b in blocks if b.strip()))
        title = (document.core_properties.title or "").strip()
        return ReadResult(
            text,
            f"{self.name}@{self.version}",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            None,
            hints={"title": title} if title else {},
        )


READER = DocxReader()
