// Explore's file tree: a nested list of folders (open <details>) and file buttons that
// carry their path; app.js listens for clicks on them.
"use strict";

(() => {
  function fileTree(listing) {
    const root = { dirs: new Map(), files: [] };
    for (const file of listing) {
      const parts = file.path.split("/");
      let node = root;
      for (const part of parts.slice(0, -1)) {
        if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
        node = node.dirs.get(part);
      }
      node.files.push({ ...file, name: parts.at(-1) });
    }
    return treeList(root);
  }

  function treeList(node) {
    const list = document.createElement("ul");
    for (const [name, child] of [...node.dirs].sort(([a], [b]) => a.localeCompare(b))) {
      const item = document.createElement("li");
      const details = document.createElement("details");
      details.open = true;
      const summary = document.createElement("summary");
      summary.textContent = `${name}/`;
      details.append(summary, treeList(child));
      item.append(details);
      list.append(item);
    }
    for (const file of node.files) {
      const item = document.createElement("li");
      const button = Object.assign(document.createElement("button"), { type: "button" });
      button.textContent = file.name;
      button.dataset.path = file.path;
      button.title = `${file.path} (${file.size} bytes)`;
      item.append(button);
      list.append(item);
    }
    return list;
  }

  window.fileTree = fileTree;
})();
