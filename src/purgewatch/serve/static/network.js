// The network page: draws /api/network with Cytoscape (served from the package, no CDN).
(function () {
  "use strict";
  var box = document.getElementById("network");
  var status = document.getElementById("network-status");
  if (!box) { return; }
  var person = box.getAttribute("data-person");
  var url = "/api/network" + (person ? "?person=" + encodeURIComponent(person) : "");
  fetch(url).then(function (r) {
    if (!r.ok) { throw new Error("HTTP " + r.status); }
    return r.json();
  }).then(function (data) {
    if (!data.nodes.length) {
      status.textContent = "No links yet: no event in the database names a successor, a predecessor or who ordered it.";
      return;
    }
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.label, degree: n.degree, linkable: n.id.indexOf("name:") !== 0 } };
    }).concat(data.edges.map(function (e, i) {
      var when = e.date ? " " + e.date : "";
      return { data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind,
                       label: (e.kind === "replaced" ? (e.post || "replaced") : e.events[0].type) + when } };
    }));
    var cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-valign": "bottom",
          "text-margin-y": 3, "background-color": "#1c3d5a", "width": "mapData(degree, 1, 12, 14, 40)",
          "height": "mapData(degree, 1, 12, 14, 40)", "color": "#212529" } },
        { selector: "node[?linkable]", style: { "cursor": "pointer" } },
        { selector: "edge", style: { "width": 2, "curve-style": "bezier", "target-arrow-shape": "triangle",
          "font-size": 9, "color": "#495057", "text-rotation": "autorotate", "label": "" } },
        { selector: "edge[kind = 'replaced']", style: { "line-color": "#1c7ed6", "target-arrow-color": "#1c7ed6" } },
        { selector: "edge[kind = 'ordered']", style: { "line-color": "#e8590c", "target-arrow-color": "#e8590c",
          "line-style": "dashed" } },
        { selector: "edge:selected, edge.hover", style: { "label": "data(label)" } }
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false }
    });
    cy.on("tap", "node", function (evt) {
      var n = evt.target;
      if (n.data("linkable")) { window.location.href = "/persons/" + encodeURIComponent(n.id()); }
    });
    cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
    window.pwNetwork = cy;
    status.textContent = data.nodes.length + " people, " + data.edges.length + " links.";
  }).catch(function (err) {
    status.textContent = "Could not load the network: " + err.message;
  });
}());
