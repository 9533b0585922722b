/* tokyo_map_view: show the name of the tapped (or focused) point under the map. */
this.ckan.module('tokyo-map', function () {
  return {
    initialize: function () {
      var caption = this.el[0].querySelector('.tokyo-map-caption');
      var show = function (event) {
        var point = event.target.closest('circle[data-label]');
        if (!point || !caption) { return; }
        caption.textContent = point.getAttribute('data-label') + ' (' + point.getAttribute('data-where') + ')';
      };
      this.el[0].addEventListener('click', show);
      this.el[0].addEventListener('focusin', show);
    }
  };
});
