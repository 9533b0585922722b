/* The resource form: the chosen file's name (without its extension), or the
   last part of a link, becomes the resource's name while the editor has
   not written one. */
this.ckan.module("tokyo-name-from-file", function ($) {
  return {
    options: { target: "#field-name_translated-ja" },
    initialize: function () {
      var target = $(this.options.target);
      var edited = !!target.val();
      target.on("input", function () { edited = !!target.val(); });
      function offer(path) {
        var name = (path || "").split(/[\\\/]/).pop().split(/[?#]/)[0];
        try { name = decodeURIComponent(name); } catch (e) { /* keep it as written */ }
        name = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
        if (name && !edited) { target.val(name).trigger("change"); }
      }
      $(document).on("change", "#field-resource-upload", function () { offer(this.value); });
      $(document).on("change", "#field-resource-url", function () { offer(this.value); });
      // a file or link chosen before this module started
      offer($("#field-resource-upload").val() || $("#field-resource-url").val());
    }
  };
});
