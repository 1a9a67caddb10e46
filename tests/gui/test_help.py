"""帮助 opens the Chinese guide inside the application, with its screenshots, offline."""

from zjtx_desktop.ui.help_dialog import HelpDialog, guide_path


def test_the_guide_opens_with_its_pictures(qtbot):
    dialog = HelpDialog()
    qtbot.add_widget(dialog)
    text = dialog.browser.toPlainText()
    assert "新建企业" in text and "生成申请材料" in text
    pictures = [line.split("](")[1].rstrip(")") for line in guide_path().read_text(encoding="utf-8").splitlines()
                if line.startswith("![")]
    assert len(pictures) >= 8
    assert all((guide_path().parent / picture).is_file() for picture in pictures)
