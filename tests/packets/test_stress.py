"""Big firms: forty rows in every table, every page of every packet laid out and drawn."""

import pypdf
import pytest
from packet_helpers import ON, example_profile, forty_rows, page_texts, render_pages

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import build_all


@pytest.fixture(scope="module")
def forty_row_pdfs(tmp_path_factory):
    profile = example_profile("05", **forty_rows())
    return build_all(profile, evaluate(profile, ON), tmp_path_factory.mktemp("forty"))


def test_forty_loans_courses_and_events_give_every_packet_and_the_report(forty_row_pdfs):
    names = [path.name for path in forty_row_pdfs]
    assert len(names) == 13 and names[-1].endswith("政策评估报告.pdf")


def test_every_page_is_drawn(forty_row_pdfs, tmp_path):
    for path in forty_row_pdfs:
        pages = render_pages(path, tmp_path)
        assert len(pages) == len(pypdf.PdfReader(path).pages) > 0, path.name


def test_long_tables_continue_with_their_title_and_headers(forty_row_pdfs):
    report = page_texts(forty_row_pdfs[-1])
    assert len(report) > 5
    for text in report[1:-1]:
        assert "（续）" in text and "编号" in text, text[:200]
    loans = page_texts(next(p for p in forty_row_pdfs if "_3a" in p.name))
    continued = [text for text in loans if "贷款金额与利息（续）" in text]
    assert continued and all("年利率" in text for text in continued)
