# Sourced by .ci/run and the Makefile (as root, on Debian): install Debian's Chromium and its
# matching chromedriver for the browser tests (tests/test_web_browser.py). No browser is ever
# downloaded by the tests themselves; without these two files the browser tests skip.
# Idempotent: nothing happens when both are installed.
irwatch_chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
    echo "Chromium for the browser tests: $(/usr/bin/chromium --version 2>/dev/null)"
}
