/* The organisation form: a 全国地方公共団体コード of Tokyo or one of its
   municipalities suggests that body's 法人番号 (the server's table, in
   data-module-numbers): it fills the corporate number field while that is
   empty or still holds the previous suggestion, and says so. */
this.ckan.module("tokyo-corporate-number", function ($) {
  return {
    options: { numbers: {}, template: "", code: "#field-local_government_code", number: "#field-corporate_number" },
    initialize: function () {
      var options = this.options, hint = this.el, suggested = "";
      var code = $(options.code), number = $(options.number);
      function suggest() {
        var digits = (code.val() || "").normalize("NFKC").replace(/[\s-]/g, "");
        var found = options.numbers[digits];
        var current = (number.val() || "").trim();
        if (found && (!current || current === suggested)) {
          number.val(found).trigger("change");
          suggested = found;
          hint.text(options.template.replace("{number}", found));
        }
      }
      code.on("input change", suggest);
      suggest();  // a code typed before this module started, or kept by a form error
    }
  };
});
