// Sends the CSRF token with every htmx request; plain forms carry it as a hidden field.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A click whose htmx request failed says so right after the control that sent it, with what to do now: sign in
// again, or reload the page to see things as they are. The texts are the layout's (template#request-failures),
// so they come from messages.properties like every other word on the page.
(function () {
  function failures() {
    return document.getElementById("request-failures");
  }

  // The login page answered in place of a fragment (a redirect htmx followed): the session is gone.
  function endedAtLogin(xhr) {
    var template = failures();
    var signIn = template && template.content.querySelector(".failure-sign-in");
    if (!xhr || !xhr.responseURL || !signIn) {
      return false;
    }
    var answered = new URL(xhr.responseURL, window.location.href);
    var login = new URL(signIn.getAttribute("href"), window.location.href);
    return answered.origin === login.origin && answered.pathname === login.pathname;
  }

  function kindOf(xhr) {
    if (!xhr || xhr.status === 0) {
      return "offline";
    }
    if (xhr.status === 401 || endedAtLogin(xhr)) {
      return "expired";
    }
    if (xhr.status === 403) {
      return "forbidden";
    }
    if (xhr.status === 404 || xhr.status === 410) {
      return "gone";
    }
    if (xhr.status === 409 || xhr.status === 412) {
      return "changed";
    }
    if (xhr.status >= 500) {
      return "server";
    }
    return "refused";
  }

  // The form (or the button or link) that sent the request; its message goes right after it.
  function controlOf(elt) {
    if (!elt || !elt.closest || elt === document.body || elt === document.documentElement) {
      return null;
    }
    return elt.closest("form") || elt;
  }

  function clear(control) {
    var next = control && control.nextElementSibling;
    if (next && next.classList.contains("request-failure")) {
      next.remove();
    }
  }

  function show(elt, kind) {
    var template = failures();
    var control = controlOf(elt);
    var model = template && template.content.querySelector('[data-failure="' + kind + '"]');
    if (!model) {
      return;
    }
    var note = model.cloneNode(true);
    note.querySelectorAll(".failure-reload").forEach(function (link) {
      link.href = window.location.href;
    });
    // This page again: the portal asks for the sign-in, then comes back here.
    note.querySelectorAll(".failure-sign-in").forEach(function (link) {
      link.href = window.location.pathname + window.location.search;
    });
    if (control && control.isConnected) {
      clear(control);
      control.insertAdjacentElement("afterend", note);
    } else {
      var main = document.getElementById("main") || document.body;
      main.insertAdjacentElement("afterbegin", note);
    }
    if (note.scrollIntoView) {
      note.scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    clear(controlOf(event.detail.elt));
  });

  // A 409 or 422 brings the part of the page as it is now, with its reason, and is swapped in (see htmx-config);
  // one without a body, or a login page in place of a fragment, is a failure to tell about instead.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var bare = (xhr.status === 409 || xhr.status === 422) && !xhr.responseText.trim();
    if (bare || endedAtLogin(xhr)) {
      event.detail.shouldSwap = false;
      event.detail.isError = true;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    show(event.detail.elt, kindOf(event.detail.xhr));
  });

  document.addEventListener("htmx:sendError", function (event) {
    show(event.detail.elt, "offline");
  });

  document.addEventListener("htmx:timeout", function (event) {
    show(event.detail.elt, "offline");
  });
})();

// A plain form posts once: a second click while the first post is on its way would race it, and where the first
// changes the session (signing in) the stale second answer could replace the new session's cookie. htmx forms are
// left alone (htmx has already taken their submit); the mark is cleared when the page is shown again (Back).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
    return;
  }
  if (form.hasAttribute("data-posting")) {
    event.preventDefault();
    return;
  }
  form.setAttribute("data-posting", "");
  setTimeout(function () {
    form.removeAttribute("data-posting");
  }, 10000);
});
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[data-posting]").forEach(function (form) {
    form.removeAttribute("data-posting");
  });
});
