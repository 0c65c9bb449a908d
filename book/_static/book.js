// Small fixes to the theme's behaviour, run once the page has loaded.
window.addEventListener("load", () => {
  // Copy buttons get a name that screen readers announce.
  document.querySelectorAll("button.copybtn").forEach((button) => {
    button.setAttribute("aria-label", "Copy code");
  });
  // The theme scrolls the table of contents to the current lesson even when that
  // lesson is in view from the top; then keep the top, with the book's title.
  const sidebar = document.querySelector("div.bd-sidebar");
  const links = document.querySelectorAll(".bd-docs-nav .active");
  const current = links[links.length - 1];
  if (sidebar && current) {
    const top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
    const bottom = top + sidebar.scrollTop + current.offsetHeight;
    if (bottom <= sidebar.clientHeight) sidebar.scrollTop = 0;
  }
});
