// Runs first in the old-engine page: deletes every name of window.banshiNewerApis (set just before, from
// MDN's compatibility data) so the page has only what Chromium 86 has. Plain ES2015, like such a browser.
(function () {
  var removed = [];
  var has = function (object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key);
  };
  window.banshiNewerApis.forEach(function (name) {
    var dot = name.indexOf('.');
    if (dot < 0) {
      if (has(window, name) && delete window[name]) removed.push(name);
      return;
    }
    var owner = window[name.slice(0, dot)];
    var member = name.slice(dot + 1);
    [owner && owner.prototype, owner].forEach(function (object) {
      if (has(object, member) && delete object[member]) removed.push(name);
    });
  });
  window.banshiRemovedApis = removed;
})();
