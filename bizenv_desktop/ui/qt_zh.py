"""Chinese for the few Qt strings that Qt's own qtbase_zh_CN.qm does not have.

Qt 6 renamed some labels of its file dialog ("Look in:" became "&Look in:", "Files of type:"
"Files of &type:") and added file-type words, and the bundled Chinese catalogue still has
the old ones only: the dialog came out half English in the Chinese UI. This translator is
installed after Qt's (app.install_translators), so it is asked first, and answers only these.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# (context, source) -> Chinese; disambiguation is ignored (Qt passes "All other platforms" etc.)
FIXES: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
}


class QtChineseFixes(QTranslator):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return FIXES.get((context, source))  # type: ignore[return-value]  # None: not ours, Qt looks further
