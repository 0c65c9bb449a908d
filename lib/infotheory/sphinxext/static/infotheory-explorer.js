/* Explorers on the static site: the controls swap pictures that the book's build
 * rendered from the same Python explorer (infotheory.sphinxext). No kernel and no
 * network: the pictures come from one script file per explorer next to this one,
 * which works over http and from file:// alike.
 *
 * Each explorer on a page is a .infotheory-explorer block: hidden controls (range
 * inputs and selects), the picture at the explorer's setting (img.explorer-frame),
 * an empty .explorer-overlay over it, a note and a live region. Its frame file
 * defines window.infotheoryExplorerFrames[key] = {defs, background, pictures,
 * states: [[picture, full, alt]], controls: [{name, options, states, start}],
 * presets: [{name, state, positions}]}. A state shows either the background with
 * one picture of the moving parts laid over it, or (full) one whole picture.
 */
(() => {
  "use strict";
  const REGISTRY = "infotheoryExplorerFrames";
  const here = document.currentScript ? document.currentScript.src : document.baseURI;
  const loading = {};

  // The frame file of an explorer, loaded once as a script (fetch cannot read
  // file://).
  function load(key, path) {
    const known = (window[REGISTRY] || {})[key];
    if (known) return Promise.resolve(known);
    if (!loading[key]) {
      loading[key] = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(path, here).href;
        script.onload = () => {
          const frames = (window[REGISTRY] || {})[key];
          if (frames) resolve(frames);
          else reject(new Error(`no frames in ${script.src}`));
        };
        script.onerror = () => reject(new Error(`cannot load ${script.src}`));
        document.head.appendChild(script);
      });
    }
    return loading[key];
  }

  // A picture as a standalone SVG: the shared definitions it uses put back in.
  function assemble(svg, defs) {
    const used = new Set();
    const parts = [];
    for (const match of svg.matchAll(/xlink:href="#([^"]+)"/g)) {
      const id = match[1];
      if (defs[id] && !used.has(id)) {
        used.add(id);
        parts.push(defs[id]);
      }
    }
    if (!parts.length) return svg;
    const at = svg.indexOf(">", svg.indexOf("<svg")) + 1;
    return `${svg.slice(0, at)}<defs>${parts.join("")}</defs>${svg.slice(at)}`;
  }

  function pictureUrl(svg, defs) {
    const blob = new Blob([assemble(svg, defs)], { type: "image/svg+xml" });
    const url = URL.createObjectURL(blob);
    const image = new Image(); // decode now, so that a swap later is instant
    image.src = url;
    if (image.decode) image.decode().catch(() => {});
    return url;
  }

  function activate(root, frames) {
    const box = root.querySelector(".explorer-controls");
    const image = root.querySelector("img.explorer-frame");
    const overlay = root.querySelector(".explorer-overlay");
    const status = root.querySelector(".explorer-status");
    const background = pictureUrl(frames.background, frames.defs);
    const urls = frames.pictures.map((svg) => pictureUrl(svg, frames.defs));
    const inputs = new Map();
    for (const control of frames.controls) {
      const input = box.querySelector(`[data-control="${CSS.escape(control.name)}"]`);
      if (input) inputs.set(control, input);
    }
    const presetSelect = box.querySelector("[data-preset]");

    function place(control, position) {
      const input = inputs.get(control);
      if (!input) return;
      input.value = String(position);
      const label = control.options[position];
      if (input.type === "range") {
        input.setAttribute("aria-valuetext", label);
        const output = input.nextElementSibling;
        if (output && output.tagName === "OUTPUT") output.textContent = label;
      }
    }

    function show(index) {
      const [picture, full, alt] = frames.states[index];
      if (full) {
        image.src = urls[picture];
        overlay.style.backgroundImage = "none";
      } else {
        if (image.getAttribute("src") !== background) image.src = background;
        overlay.style.backgroundImage = `url("${urls[picture]}")`;
      }
      image.alt = alt;
      if (status) status.textContent = alt;
      root.dataset.state = String(index);
    }

    for (const [control, input] of inputs) {
      input.addEventListener("input", () => {
        // One control moves at a time: the others go back to their start.
        for (const other of frames.controls) {
          if (other !== control) place(other, other.start);
        }
        if (presetSelect) presetSelect.value = "";
        const position = Number(input.value);
        place(control, position);
        show(control.states[position]);
      });
      input.disabled = false;
    }
    if (presetSelect) {
      presetSelect.addEventListener("input", () => {
        const preset = frames.presets[Number(presetSelect.value)];
        for (const control of frames.controls) {
          const position = preset ? preset.positions[control.name] : undefined;
          place(control, position === undefined ? control.start : position);
        }
        show(preset ? preset.state : 0);
      });
      presetSelect.disabled = false;
    }
    show(0);
    root.classList.add("explorer-ready");
  }

  function start(root) {
    const box = root.querySelector(".explorer-controls");
    if (!box || root.dataset.explorer) return;
    root.dataset.explorer = "loading";
    load(box.dataset.key, box.dataset.frames).then(
      (frames) => {
        activate(root, frames);
        root.dataset.explorer = "ready";
      },
      (error) => {
        // Without its pictures the explorer stays the still picture it was.
        box.hidden = true;
        root.querySelector(".explorer-note").hidden = true;
        root.dataset.explorer = "failed";
        console.warn(`explorer: ${error.message}`);
      },
    );
  }

  function init() {
    const roots = [...document.querySelectorAll(".infotheory-explorer")];
    for (const root of roots) {
      // Show the controls (disabled until the pictures arrive) and the note.
      root.querySelector(".explorer-controls").hidden = false;
      root.querySelector(".explorer-note").hidden = false;
    }
    if (!("IntersectionObserver" in window)) {
      roots.forEach(start);
      return;
    }
    // Load an explorer's pictures when it comes near the screen.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            start(entry.target);
          }
        }
      },
      { rootMargin: "1000px 0px" },
    );
    roots.forEach((root) => observer.observe(root));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
