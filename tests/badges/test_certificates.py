"""The PDF certificate: one page, the texts extractable, the script fonts embedded, long texts kept
inside the frame."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from lms.badges.certificates import CertificateData, render_certificate

ISSUER = "Associazione Ponte APS"
URL = "https://ponte.example.org/badges/verify/8f14e45f-ceea-467f-a2b4-9c2f1e0a7d3b"
IT = {
    "heading": "Attestato di completamento",
    "certifies": "Si attesta che",
    "completed": "ha completato il corso",
    "course": "Diritti e doveri sul lavoro",
    "tier": "Livello 2",
    "date": "25 novembre 2026",
    "issuer": "Rilasciato da",
    "verify": "Verifica",
}
TEXTS = {
    "ar": {
        "heading": "شهادة إتمام",
        "certifies": "نشهد بأن",
        "completed": "قد أتمّ الدورة",
        "course": "الحقوق والواجبات في العمل",
        "tier": "المستوى 2",
        "date": "25 نوفمبر 2026",
        "issuer": "صادرة عن",
        "verify": "تحقق",
    },
    "bn": {
        "heading": "সমাপ্তির সনদপত্র",
        "certifies": "এই মর্মে প্রত্যয়ন করা হচ্ছে যে",
        "completed": "কোর্সটি সম্পন্ন করেছেন",
        "course": "কর্মক্ষেত্রে অধিকার ও কর্তব্য",
        "tier": "স্তর ২",
        "date": "২৫ নভেম্বর ২০২৬",
        "issuer": "প্রদানকারী",
        "verify": "যাচাই করুন",
    },
    "zh": {
        "heading": "结业证书",
        "certifies": "兹证明",
        "completed": "已完成课程",
        "course": "工作中的权利与义务",
        "tier": "第2级",
        "date": "2026年11月25日",
        "issuer": "颁发机构",
        "verify": "验证",
    },
    "uk": {
        "heading": "Свідоцтво про завершення",
        "certifies": "Цим засвідчується, що",
        "completed": "завершив(ла) курс",
        "course": "Права та обов'язки на роботі",
        "tier": "Рівень 2",
        "date": "25 листопада 2026",
        "issuer": "Видано",
        "verify": "Перевірка",
    },
    "ur": {
        "heading": "تکمیل کا سرٹیفکیٹ",
        "certifies": "تصدیق کی جاتی ہے کہ",
        "completed": "نے کورس مکمل کر لیا",
        "course": "کام کی جگہ پر حقوق اور فرائض",
        "tier": "درجہ 2",
        "date": "25 نومبر 2026",
        "issuer": "جاری کنندہ",
        "verify": "تصدیق",
    },
    "pa": {
        "heading": "ਪੂਰਾ ਕਰਨ ਦਾ ਸਰਟੀਫਿਕੇਟ",
        "certifies": "ਇਹ ਪ੍ਰਮਾਣਿਤ ਕੀਤਾ ਜਾਂਦਾ ਹੈ ਕਿ",
        "completed": "ਨੇ ਕੋਰਸ ਪੂਰਾ ਕੀਤਾ",
        "course": "ਕੰਮ ਵਾਲੀ ਥਾਂ 'ਤੇ ਅਧਿਕਾਰ ਅਤੇ ਫ਼ਰਜ਼",
        "tier": "ਪੱਧਰ 2",
        "date": "25 ਨਵੰਬਰ 2026",
        "issuer": "ਜਾਰੀ ਕਰਤਾ",
        "verify": "ਪੁਸ਼ਟੀ ਕਰੋ",
    },
}


def certificate(name: str, lang: str, learner: dict[str, str] | None = None, **texts: str) -> bytes:
    """The texts given as keywords replace the defaults in both languages, learner's only in the
    learner's language."""
    by_lang = {"it": {**IT, **texts}}
    if lang != "it":
        by_lang[lang] = {**TEXTS[lang], **texts, **(learner or {})}
    return render_certificate(
        CertificateData(
            recipient_name=name,
            lang=lang,
            issued_on=date(2026, 11, 25),
            issuer_name=ISSUER,
            verify_url=URL,
            tier=2,
            texts=by_lang,
        )
    )


def fonts(page) -> dict[str, dict]:
    """Base font name (without the subset tag) -> its descendant CID font."""
    found = {}
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        name = str(font["/BaseFont"]).removeprefix("/").split("+")[-1]
        found[name] = font["/DescendantFonts"][0].get_object()
    return found


def text_positions(page) -> list[tuple[float, float, str]]:
    """(x, y) in points from the bottom left corner, for every piece of text drawn."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((x, y, text))

    page.extract_text(visitor_text=visit)
    return found


CASES = [
    ("فاطمة الزهراء بن علي", "ar", {"NotoSansArabic", "NotoSansArabicBold", "NotoSans"}),
    ("মোহাম্মদ রহিম উদ্দিন", "bn", {"NotoSansBengali", "NotoSansBengaliBold", "NotoSans"}),
    ("王小明", "zh", {"NotoSansCJKSC", "NotoSans"}),
    ("Олександра Коваленко-Шевчук", "uk", {"NotoSans", "NotoSansBold"}),
    ("Giulia Rossi", "it", {"NotoSans", "NotoSansBold"}),
    ("محمد عمران ہاشمی", "ur", {"NotoNastaliqUrdu", "NotoSans"}),
    ("ਹਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ", "pa", {"NotoSansGurmukhi", "NotoSansGurmukhiBold", "NotoSans"}),
]


@pytest.mark.parametrize(("name", "lang", "expected_fonts"), CASES, ids=[case[1] for case in CASES])
def test_one_page_with_the_italian_text_and_the_fonts_embedded(name, lang, expected_fonts):
    pdf = certificate(name, lang)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape

    text = page.extract_text()
    assert "Attestato di completamento" in text
    assert ISSUER in text
    assert "Livello 2" in text
    assert "25 novembre 2026" in text

    used = fonts(page)
    assert expected_fonts <= set(used)
    for descendant in used.values():  # every font is embedded, none left to the reader's system
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


@pytest.mark.parametrize(
    ("name", "lang"), [("فاطمة الزهراء بن علي", "ar"), ("Олександра Коваленко-Шевчук", "uk")]
)
def test_the_name_and_the_learners_language_are_extractable(name, lang):
    text = PdfReader(io.BytesIO(certificate(name, lang))).pages[0].extract_text()
    assert name in text
    assert TEXTS[lang]["heading"] in text


def test_italian_learner_gets_one_column():
    text = PdfReader(io.BytesIO(certificate("Giulia Rossi", "it"))).pages[0].extract_text()
    assert text.count("Attestato di completamento") == 1
    assert text.count("Rilasciato da") == 1
    assert "Giulia Rossi" in text


def test_arabic_column_is_right_aligned_and_the_italian_left_aligned():
    page = PdfReader(io.BytesIO(certificate("فاطمة الزهراء بن علي", "ar"))).pages[0]
    positions = text_positions(page)
    italian = [x for x, _, text in positions if "Attestato" in text]
    arabic = [x for x, _, text in positions if "إتمام" in text or "شهادة" in text]
    assert italian and arabic
    middle = float(page.mediabox.width) / 2
    assert italian[0] < 100  # starts at the left margin
    # right-aligned: a short heading starts well past the middle of the right column
    assert min(arabic) > middle + 100


def test_the_qr_code_links_to_the_verification_url():
    page = PdfReader(io.BytesIO(certificate("Giulia Rossi", "it"))).pages[0]
    uris = [annot.get_object()["/A"]["/URI"] for annot in page.get("/Annots", [])]
    assert uris == [URL]
    assert "https://ponte.example.org/badges/verify/" in page.extract_text()


def test_chinese_name_uses_the_chinese_font_even_for_an_italian_learner():
    assert "NotoSansCJKSC" in fonts(PdfReader(io.BytesIO(certificate("王小明", "it"))).pages[0])


def test_urdu_name_is_set_in_nastaliq_for_an_italian_learner():
    assert "NotoNastaliqUrdu" in fonts(PdfReader(io.BytesIO(certificate("محمد عمران ہاشمی", "it"))).pages[0])


@pytest.mark.parametrize("lang", ["ar", "bn", "zh", "uk", "ur", "it"])
def test_long_names_and_titles_stay_on_the_page_inside_the_frame(lang):
    names = {
        "ar": "فاطمة الزهراء بنت محمد بن عبد الرحمن بن علي بن أحمد الهاشمي القرشي",
        "bn": "মোহাম্মদ রহিম উদ্দিন আহমেদ চৌধুরী মোহাম্মদ রহিম উদ্দিন আহমেদ চৌধুরী",
        "zh": "王小明" * 12,
        "uk": "Олександра-Вікторія Коваленко-Шевчук-Григоренко-Петренко-Іваненко Олегівна",
        "ur": "محمد عمران ہاشمی محمد عمران ہاشمی محمد عمران ہاشمی محمد عمران ہاشمی",
        "it": "Maria Giuseppina Antonietta Carolina Francesca Rossi Bianchi Verdi Esposito Russo",
    }
    course = (TEXTS.get(lang, IT)["course"] + " ") * 6
    pdf = certificate(names[lang], lang, course=course.strip())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    frame = 11.5 * 72 / 25.4  # the inner border, in points
    positions = text_positions(page)
    assert positions
    for x, y, text in positions:
        assert frame < x < width - frame, text
        assert frame < y < height - frame, text


def test_a_name_without_spaces_longer_than_the_page_is_broken_not_overflowing():
    reader = PdfReader(io.BytesIO(certificate("Ponte" * 40, "uk")))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    positions = text_positions(page)
    assert sum("PontePonte" in text for _, _, text in positions) >= 3  # the name, on several lines
    width = float(page.mediabox.width)
    assert all(11.5 * 72 / 25.4 < x < width for x, _, _ in positions)


def test_a_line_opening_with_a_word_in_another_script_keeps_the_fonts_straight():
    """A line opening with a word in a fallback font ("Excel" in an Arabic-script title) once made
    fpdf2 lose track of the font in use, and draw the next text (the same title in the Arabic
    column) in the wrong font: garbage. Both columns must read back."""
    course = "Excel للمبتدئين: الجداول والصيغ"
    pdf = certificate("فاطمة الزهراء بن علي", "ar", course=course)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert text.count("للمبتدئين") == 2
    assert text.count("الجداول والصيغ") == 2
    assert text.count("Excel") == 2


def test_same_certificate_same_bytes():
    assert certificate("王小明", "zh") == certificate("王小明", "zh")
