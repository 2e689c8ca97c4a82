/** Browser tests: the pages in headless Chromium, through page objects, checked against the API. */
package dev.marketlens.web.browser;
