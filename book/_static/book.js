// Small fixes to the theme's behaviour, run once the page has loaded.

// Figures are drawn for the article column. On a narrow screen a figure is shown at
// no less than this share of its natural size, so its labels stay readable; it
// scrolls sideways inside its frame instead.
const SMALLEST_FIGURE_SCALE = 0.8;

function keepFiguresReadable() {
  document.querySelectorAll("article img").forEach((img) => {
    const smallest = SMALLEST_FIGURE_SCALE * img.naturalWidth;
    if (!img.naturalWidth || img.clientWidth >= smallest) return;
    const frame = document.createElement("div");
    frame.className = "wide-figure";
    img.replaceWith(frame);
    frame.appendChild(img);
    img.style.width = `${smallest}px`;
    img.style.maxWidth = "none";
  });
}

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
  keepFiguresReadable();
});
