"""Browser test of the web page in Public/ against the real server (scripts/browser-test.sh starts it).

What a person does: paste an article, analyse it, read the highlighted quotes and who said them, hover and
click a quote, open a participant, find the article in the stored list, see errors from the API, use a phone.
Every check compares the DOM with what the API itself answers for the same article.
"""
import re
import urllib.parse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 60


def open_page(driver, base_url):
    driver.set_window_size(1280, 1000)
    driver.get(base_url + "/")
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return !!(window.NL && window.NL.library)"))


def paste(driver, text):
    box = driver.find_element(By.ID, "article-input")
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, text)


def set_store(driver, store):
    check = driver.find_element(By.ID, "store-check")
    if check.is_selected() != store:
        check.click()


def analyse(driver):
    driver.find_element(By.ID, "analyse-button").click()
    try:
        WebDriverWait(driver, WAIT).until(lambda d: "Analysis done" in d.find_element(By.ID, "status").text
                                          or d.find_element(By.ID, "error").is_displayed())
    except TimeoutException:
        pytest.fail("no result after %ss; status: %r" % (WAIT, driver.find_element(By.ID, "status").text))
    error = driver.find_element(By.ID, "error")
    assert not error.is_displayed(), "the page showed an error: " + error.text


def piece_texts(analysis, quote):
    """Expected highlighted text of each piece, sliced by code points as the API defines offsets."""
    spans = quote.get("spans") or [quote["span"]]
    article = analysis["article"]
    out = []
    for s in spans:
        source = article["captions"][s["caption"]]["text"] if s.get("caption") is not None \
            else article["paragraphs"][s.get("paragraph", 0)]
        out.append(source[s["start"]:s["end"]])
    return out


def marks_of(driver, index):
    return driver.find_elements(By.CSS_SELECTOR, 'mark.q[data-index="%d"]' % index)


def assert_highlights_match(driver, analysis, include_indirect=True):
    """Every quote of the analysis is highlighted with exactly its words, labelled with its speaker."""
    quotes = analysis["quotes"]
    checked = 0
    for i, q in enumerate(quotes):
        if q["kind"] == "indirect" and not include_indirect:
            continue
        marks = marks_of(driver, i)
        assert marks, "quote %s (%r) is not highlighted" % (q.get("id"), q["text"][:60])
        shown = "".join(m.get_attribute("textContent") for m in marks)
        assert shown == "".join(piece_texts(analysis, q)), "quote %s highlights the wrong words" % q.get("id")
        speaker = (q.get("speaker") or {}).get("name") or ((q.get("speaker") or {}).get("mention") or {}).get("text")
        assert marks[0].get_attribute("data-speaker") == (speaker or "Unknown speaker")
        assert "q-" + q["kind"] in marks[0].get_attribute("class")
        checked += 1
    return checked


def stored_analysis(driver, api):
    fragment = urllib.parse.urlparse(driver.current_url).fragment
    m = re.match(r"/articles/(.+)$", fragment)
    assert m, "after storing, the address should name the article: " + driver.current_url
    status, analysis = api.call("GET", "/v1/articles/" + m.group(1))
    assert status == 200, analysis
    return analysis


def severe_console_errors(driver):
    try:
        logs = driver.get_log("browser")
    except Exception:  # some drivers do not keep the log; nothing to check then
        return []
    # The page logs problems it shows on purpose with the "NewsLens:" prefix.
    return [e["message"] for e in logs if e["level"] == "SEVERE" and "NewsLens:" not in e["message"]
            and "the server responded with a status of" not in e["message"]]


def test_analyse_sample_shows_quotes_speakers_and_participants(driver, base_url, api, sample_path, shots):
    text = sample_path.read_text(encoding="utf-8")
    open_page(driver, base_url)
    paste(driver, text)
    set_store(driver, True)
    analyse(driver)
    analysis = stored_analysis(driver, api)

    assert driver.find_element(By.ID, "headline").text == (analysis["article"]["headline"] or "(no headline found)")
    assert analysis["quotes"], "the engine found no quote in the sample article"
    assert assert_highlights_match(driver, analysis) == len(analysis["quotes"])

    speakers = {q["speaker"]["name"] for q in analysis["quotes"] if q.get("speaker") and q["speaker"].get("name")}
    assert speakers, "no quote of the sample article has a named speaker"
    legend = driver.find_element(By.CSS_SELECTOR, ".legend").text
    quote_list = driver.find_element(By.CSS_SELECTOR, ".quote-list").text
    for name in speakers:
        assert name in legend and name in quote_list, "speaker %s missing from the legend or quote list" % name

    # One speaker, one colour: every highlight of a speaker carries the same colour class.
    colours = {}
    for mark in driver.find_elements(By.CSS_SELECTOR, "mark.q"):
        colour = next(c for c in mark.get_attribute("class").split() if c.startswith("spk-"))
        colours.setdefault(mark.get_attribute("data-speaker"), set()).add(colour)
    assert all(len(c) == 1 for c in colours.values()), colours
    named = [next(iter(c)) for s, c in colours.items() if s != "Unknown speaker"]
    assert len(set(named)) == min(len(named), 10), "different speakers should get different colours"

    # Participants grouped by type, each with its counts.
    people = driver.find_element(By.ID, "people-view").text
    for p in analysis["participants"]:
        assert p["name"] in people, "participant %s not listed" % p["name"]
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#people-view h3")]
    types = {p["type"] for p in analysis["participants"]}
    label = {"person": "People", "organization": "Organizations", "country": "Countries", "place": "Places"}
    for t in types:
        assert any(h.startswith(label.get(t, "Other")) for h in headings), (t, headings)

    # Captions are shown.
    for c in analysis["article"].get("captions") or []:
        assert c["text"][:40] in driver.find_element(By.CSS_SELECTOR, ".captions").text

    # Hover shows speaker, kind and cue; click pins the details.
    first_named = next(i for i, q in enumerate(analysis["quotes"]) if q.get("speaker") and q["speaker"].get("name"))
    q = analysis["quotes"][first_named]
    mark = marks_of(driver, first_named)[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    tip = driver.find_element(By.ID, "quote-tip")
    WebDriverWait(driver, 5).until(lambda d: tip.is_displayed())
    assert q["speaker"]["name"] in tip.text
    if q.get("cue"):
        assert q["cue"] in tip.text
    mark.click()
    detail = driver.find_element(By.ID, "quote-detail")
    WebDriverWait(driver, 5).until(lambda d: q["speaker"]["name"] in detail.text)
    driver.save_screenshot(str(shots / "hover.png"))

    # Keyboard: the highlight is focusable and Enter selects it.
    driver.execute_script("arguments[0].focus()", mark)
    assert driver.switch_to.active_element == mark
    mark.send_keys(Keys.ENTER)
    assert "selected" in mark.get_attribute("class")

    # The stored list names the article.
    WebDriverWait(driver, WAIT).until(
        lambda d: analysis["article"]["headline"] in d.find_element(By.ID, "library-view").text)

    # Full-page screenshot of the highlighted article.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height + 150, 1000), 6000))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(shots / "screenshot.png"))
    driver.set_window_size(1280, 1000)
    assert not severe_console_errors(driver)


def test_participant_shows_quotes_across_stored_articles(driver, base_url, api, sample_path, shots):
    open_page(driver, base_url)
    paste(driver, sample_path.read_text(encoding="utf-8"))
    set_store(driver, True)
    analyse(driver)
    analysis = stored_analysis(driver, api)
    speaking = [p for p in analysis["participants"] if p.get("quoteCount", 0) > 0]
    assert speaking, "no participant of the sample article has quotes"
    top = max(speaking, key=lambda p: p["quoteCount"])
    status, across = api.call("GET", "/v1/participants/" + urllib.parse.quote(top["id"], safe=""))
    assert status == 200, across
    if isinstance(across.get("participant"), dict):  # fields at the top or under "participant"
        across = {**across["participant"], **across}
    if isinstance(across.get("quotes"), dict):  # a bare list or a page ({"items": [...]})
        across["quotes"] = across["quotes"].get("items", [])

    link = driver.find_element(By.CSS_SELECTOR, '#people-view li[data-participant="%s"] a' % top["id"])
    link.click()
    panel = driver.find_element(By.ID, "participant-panel")
    WebDriverWait(driver, WAIT).until(lambda d: panel.is_displayed() and
                                      d.find_element(By.ID, "participant-title").text == across.get("name", top["name"]))
    items = panel.find_elements(By.CSS_SELECTOR, ".participant-quotes li")
    assert len(items) == len(across.get("quotes") or [])
    assert items, "the participant's quotes are not listed"
    for q in across["quotes"]:
        assert q["text"] in panel.text
    driver.execute_script("arguments[0].scrollIntoView()", panel)
    driver.save_screenshot(str(shots / "participant.png"))

    # Its quotes link back to the article they come from, and that opens it.
    back = panel.find_element(By.CSS_SELECTOR, ".participant-quotes li a")
    back.click()
    WebDriverWait(driver, WAIT).until(lambda d: not panel.is_displayed())
    assert driver.find_element(By.ID, "headline").text == analysis["article"]["headline"]


def test_non_bmp_text_is_highlighted_at_the_right_code_points(driver, base_url, api, own_article_path):
    text = own_article_path.read_text(encoding="utf-8")
    assert any(ord(ch) > 0xFFFF for ch in text), "the fixture must hold characters outside the BMP"
    open_page(driver, base_url)
    paste(driver, text)
    set_store(driver, False)
    analyse(driver)
    status, analysis = api.call("POST", "/v1/analyze", text)
    assert status == 200, analysis
    assert analysis["quotes"], "the engine found no quote in the ferry article"
    assert assert_highlights_match(driver, analysis) == len(analysis["quotes"])
    # A direct quote holding an emoji is highlighted whole: text of the mark == quote text.
    with_emoji = [i for i, q in enumerate(analysis["quotes"]) if any(ord(c) > 0xFFFF for c in q["text"])]
    assert with_emoji, "expected a quote with a character outside the BMP"
    for i in with_emoji:
        shown = "".join(m.get_attribute("textContent") for m in marks_of(driver, i))
        assert analysis["quotes"][i]["text"] in shown


def test_api_error_is_shown_as_problem_detail(driver, base_url, api):
    open_page(driver, base_url)
    paste(driver, "")
    set_store(driver, False)
    status, problem = api.call("POST", "/v1/analyze", "")
    assert status >= 400 and isinstance(problem, dict), (status, problem)
    driver.find_element(By.ID, "analyse-button").click()
    error = driver.find_element(By.ID, "error")
    WebDriverWait(driver, WAIT).until(lambda d: error.is_displayed())
    assert problem["title"] in error.text
    assert "HTTP %d" % problem["status"] in error.text
    if problem.get("detail"):
        assert problem["detail"] in error.text
    assert driver.switch_to.active_element == error, "the error should take focus so it is announced and seen"


def test_phone_width_has_no_sideways_scroll(driver, base_url, own_article_path, shots):
    open_page(driver, base_url)
    driver.set_window_size(390, 844)
    paste(driver, own_article_path.read_text(encoding="utf-8"))
    set_store(driver, False)
    analyse(driver)
    wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0, "the page scrolls sideways by %dpx at phone width" % wide
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(390, min(height + 150, 6000))
    driver.save_screenshot(str(shots / "phone.png"))
    driver.set_window_size(1280, 1000)


def test_keyboard_reaches_every_control(driver, base_url):
    open_page(driver, base_url)
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    reached = set()
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        reached.add(active.get_attribute("id") or active.tag_name)
    for control in ("article-input", "file-input", "format-select", "url-input", "store-check", "analyse-button"):
        assert control in reached, "%s cannot be reached with Tab (reached: %s)" % (control, sorted(reached))
    status = driver.find_element(By.ID, "status")
    assert status.get_attribute("aria-live") == "polite"
    assert driver.find_element(By.ID, "error").get_attribute("role") == "alert"


def test_healthcheck_subcommand_reports_the_server(base_url):
    """`newslens healthcheck` (the container's HEALTHCHECK) exits 0 against the server, 1 where none listens."""
    import os
    import socket
    import subprocess
    binary = os.environ.get("NEWSLENS_BIN")
    if not binary:
        pytest.skip("NEWSLENS_BIN not set (server started by hand with --url)")
    port = urllib.parse.urlparse(base_url).port
    ok = subprocess.run([binary, "healthcheck", "--port", str(port)], capture_output=True, text=True, timeout=30)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "healthy" in ok.stdout
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    bad = subprocess.run([binary, "healthcheck", "--port", str(closed)], capture_output=True, text=True, timeout=30)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "unhealthy" in bad.stdout


def test_ranges_nest_split_and_count_code_points(driver, base_url):
    """The highlighter itself: nesting, a range crossing another's end, offsets past the BMP, bad offsets."""
    open_page(driver, base_url)
    result = driver.execute_script("""
        const { renderRanges, el } = NL.text;
        const div = document.createElement('div');
        const text = 'a\\u{1F600}bc\\u{1D538}de';   // code points: a 😀 b c 𝔸 d e
        const mk = (name) => () => el('span', { 'data-r': name });
        const rejected = renderRanges(div, text, [
          { start: 1, end: 5, make: mk('outer') },   // 😀bc𝔸
          { start: 2, end: 3, make: mk('inner') },   // b
          { start: 4, end: 6, make: mk('cross') },   // 𝔸d: crosses the end of outer
          { start: 5, end: 99, make: mk('bad') },    // past the end of the text
          { start: 3, end: 3, make: mk('empty') },
        ]);
        return { html: div.innerHTML, text: div.textContent, rejected: rejected.length };
    """)
    assert result["text"] == "a\U0001F600bc\U0001D538de"
    assert result["rejected"] == 2
    assert result["html"] == ('a<span data-r="outer">\U0001F600<span data-r="inner">b</span>c'
                              '<span data-r="cross">\U0001D538</span></span><span data-r="cross">d</span>e')


def test_article_text_is_never_markup(driver, base_url):
    """Text from the API (headline, paragraphs, names, problem details) is shown as text, never parsed."""
    open_page(driver, base_url)
    hostile = '<img src="x" id="pwned" onerror="window.pwned=1">'
    driver.execute_script("""
        const hostile = arguments[0];
        const analysis = {
          id: 'x', article: { headline: 'H ' + hostile, paragraphs: ['Said ' + hostile + ' "quoted ' + hostile + '"'],
                              captions: [{ text: hostile, credit: hostile }], removedBoilerplate: [hostile] },
          quotes: [{ id: 'q1', kind: 'direct', text: 'quoted', span: { paragraph: 0, start: 5, end: 20 }, cue: hostile,
                     speaker: { name: hostile, participant: 'p', mention: null } }],
          participants: [{ id: 'p', type: 'person', name: hostile, aliases: [hostile], titles: [hostile],
                           affiliation: hostile, mentionCount: 1, quoteCount: 1, mentions: [] }],
        };
        document.getElementById('result').hidden = false;
        const view = NL.article.render(document.getElementById('article-view'), analysis);
        NL.people.renderList(document.getElementById('people-view'), analysis, view.colours);
    """, hostile)
    assert not driver.find_elements(By.ID, "pwned")
    assert not driver.find_elements(By.CSS_SELECTOR, "#article-view img, #people-view img")
    assert driver.execute_script("return window.pwned === undefined")
    assert hostile in driver.find_element(By.ID, "headline").text
    assert hostile in driver.find_element(By.ID, "people-view").text
