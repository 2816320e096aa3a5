"""Fixtures for the browser test: the server address, a headless Chromium, the API seen from Python.

The server is started by scripts/browser-test.sh (the real `newslens serve`), which passes its address in
NEWSLENS_URL. Screenshots go to NEWSLENS_SCREENSHOTS (default .build/browser-test/).
"""
import json
import os
import pathlib
import shutil
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Chromium and chromedriver come from Debian; Selenium must never try to download or phone home.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


def _sample_article():
    """The shared sample article (../shared/corpus beside the repo) when present, else our own fixture."""
    for root in (REPO.parent, REPO.parent.parent):  # a clone beside shared/, or a worktree one level deeper
        corpus = root / "shared" / "corpus"
        texts = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
        if texts:
            return texts[0]
    return FIXTURES / "ferry-article.txt"


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("NEWSLENS_URL")
    if not url:
        pytest.fail("NEWSLENS_URL is not set: run scripts/browser-test.sh, which starts the server")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def shots():
    folder = pathlib.Path(os.environ.get("NEWSLENS_SCREENSHOTS", REPO / ".build" / "browser-test"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def sample_path():
    return _sample_article()


@pytest.fixture(scope="session")
def own_article_path():
    return FIXTURES / "ferry-article.txt"


class Api:
    """Just enough of an HTTP client to compare what the page shows with what the API says."""

    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, content_type="text/plain; charset=utf-8"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                raw = resp.read()
                return resp.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, raw.decode("utf-8", "replace")


@pytest.fixture(scope="session")
def api(base_url):
    return Api(base_url)


def _chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("Chromium is not installed (Debian: apt-get install -y chromium chromium-driver)")


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = _chromium_binary()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver")
    if not driver_path:
        pytest.fail("chromedriver is not installed (Debian: apt-get install -y chromium-driver)")
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()
