// Only browsers without ES modules run this (index.html loads it with `nomodule`); a file of
// its own because the page's Content-Security-Policy allows no inline script.
document.body.innerHTML =
  '<div class="too-old">This browser is too old for the ship display. ' +
  "Open this page in Chromium 90, Safari 14.1, Firefox 90 or newer.</div>";
