"""Headless Chromium for the dashboard benchmarks (dashboard-load.sh, dashboard-live.sh): Debian's chromium and
chromedriver, as root (no sandbox), at one window size, so that every figure comes from the same browser set-up."""

import math

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chrome():
    """A new headless Chromium driven by chromedriver; quit() it when done."""
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for arg in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1400,1000']:
        options.add_argument(arg)
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)


def percentile(values, fraction):
    """The nearest-rank percentile of values sorted ascending (fraction 0.9 for p90): the smallest value that at
    least that fraction of them do not exceed."""
    return values[max(0, math.ceil(fraction * len(values)) - 1)]
