/* The report page while a check runs: ask the API every few seconds and
   reload the page once the run has a result (pending/running → anything
   else). Stops after ten minutes; the page says it will update itself. */
this.ckan.module("tokyo-validation-refresh", function ($) {
  return {
    options: { url: null, status: null, interval: 3000, limit: 200 },
    initialize: function () {
      this.polls = 0;
      this.poll();
    },
    poll: function () {
      var module = this;
      if (++module.polls > module.options.limit) { return; }
      window.setTimeout(function () {
        $.getJSON(module.options.url).done(function (data) {
          var status = data && data.result && data.result.status;
          if (status && status !== "pending" && status !== "running") {
            window.location.reload();
          } else {
            module.poll();
          }
        }).fail(function () { module.poll(); });
      }, module.options.interval);
    }
  };
});
