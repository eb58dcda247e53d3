/*
 * The survey page: a small Direct Line 3.0 client in plain ES5 for old Android browsers.
 * It opens a conversation for this page's signed link, sends the startSurvey event, shows the
 * bot's messages and its buttons, and sends what the person taps or types. Messages arrive over
 * a WebSocket, or by polling where sockets fail; a reload or a dropped connection resumes from
 * the watermark, so nothing is missed or shown twice, and so does an invitation's link opened again,
 * until the form is given.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('config').textContent);
  var texts = config.texts;
  var log = document.getElementById('log');
  var choices = document.getElementById('choices');
  var statusLine = document.getElementById('status');
  var form = document.getElementById('compose');
  var input = document.getElementById('text');
  var storageKey = 'survey:' + config.link;
  // Where the conversation is kept to resume it. An invitation's page is one person's: kept in the browser, so that
  // opening the link again (a cheap phone often closes the tab) goes on where they were. The desk poster's open
  // link is kept per tab: the desk's tablet passes from hand to hand.
  function conversationStore() { return config.onePerson ? window.localStorage : window.sessionStorage; }
  // A device token the service signed, kept for good: on the open desk link one device gives one counted form.
  var deviceKey = 'survey-device';

  var conversation = null; // { conversationId, token, streamUrl }
  var watermark = '';
  var shown = {};
  var pending = {};
  var socket = null;
  var polling = false;
  var started = false;
  // The form is given (the bot ended the conversation): it is no longer kept to resume, so opening the link
  // again, or the next person on a shared phone, sees no one's answers.
  var finished = false;
  var counter = 0;
  // The buttons on screen, and how many bot messages have come: a send that fails offers the same buttons again.
  var currentActions = null;
  var botMessages = 0;

  function setStatus(text) { statusLine.textContent = text || (finished ? texts.finished : ''); }

  function request(method, url, body, done, device) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.timeout = 20000;
    if (conversation) { xhr.setRequestHeader('Authorization', 'Bearer ' + conversation.token); }
    if (device) { xhr.setRequestHeader('X-Survey-Device', device); }
    if (body) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    xhr.onload = function () {
      var json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      done(xhr.status, json);
    };
    xhr.onerror = xhr.ontimeout = function () { done(0, null); };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function save() {
    if (finished) { return; }
    try {
      conversationStore().setItem(storageKey, JSON.stringify({ conversationId: conversation.conversationId, token: conversation.token, stamp: conversation.stamp, watermark: watermark, started: started }));
    } catch (e) { /* private mode: resuming after a reload is not possible, the rest works */ }
  }

  // The form is given: nothing is kept, and nothing more to type; a line says the page can be closed.
  function forget() {
    finished = true;
    try { conversationStore().removeItem(storageKey); } catch (e) { /* nothing kept */ }
    form.style.display = 'none';
    choices.innerHTML = '';
    setStatus(texts.finished);
  }

  function restore() {
    try { return JSON.parse(conversationStore().getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function conversationUrl(path) {
    return config.directLine + '/conversations/' + encodeURIComponent(conversation.conversationId) + (path || '');
  }

  function start() {
    setStatus(texts.connecting);
    var saved = restore();
    if (saved) {
      conversation = { conversationId: saved.conversationId, token: saved.token, stamp: saved.stamp };
      // Replay the whole conversation after a reload, so the person sees where they were.
      watermark = '';
      started = saved.started;
      reconnect(true);
      return;
    }
    request('POST', config.startUrl, null, function (status, json) {
      if ((status === 200 || status === 201) && json) {
        conversation = json;
        if (json.device) {
          try { window.localStorage.setItem(deviceKey, json.device); } catch (e) { /* private mode: a new device each time */ }
        }
        save();
        openStream();
        sendStart();
      } else {
        setStatus(status === 429 ? texts.busy : texts.startFailed);
        if (status === 0 || status === 429 || status >= 500) { setTimeout(start, 5000); }
      }
    }, storedDevice());
  }

  function storedDevice() {
    try { return window.localStorage.getItem(deviceKey) || ''; } catch (e) { return ''; }
  }

  function sendStart() {
    post({ type: 'event', name: 'startSurvey', value: { link: config.link, stamp: conversation.stamp } }, function (ok) {
      if (ok) { started = true; save(); }
    });
  }

  // After a reload or a dropped socket: a fresh token and stream URL that replay from the watermark.
  function reconnect(fromReload) {
    request('GET', conversationUrl('?watermark=' + encodeURIComponent(watermark)), null, function (status, json) {
      if (status === 200 && json) {
        conversation.token = json.token;
        conversation.streamUrl = json.streamUrl;
        save();
        openStream();
        if (fromReload && !started) { sendStart(); }
      } else if (status === 403 || status === 404) {
        // The conversation expired: begin again.
        try { conversationStore().removeItem(storageKey); } catch (e) { /* nothing to remove */ }
        conversation = null;
        start();
      } else {
        setStatus(texts.reconnecting);
        setTimeout(function () { reconnect(fromReload); }, 3000);
      }
    });
  }

  function openStream() {
    if (!window.WebSocket || !conversation.streamUrl) { startPolling(); return; }
    var opened = false;
    try { socket = new WebSocket(conversation.streamUrl); } catch (e) { startPolling(); return; }
    socket.onopen = function () { opened = true; setStatus(''); };
    socket.onmessage = function (event) {
      if (event.data) { receive(JSON.parse(event.data)); }
    };
    socket.onclose = function (event) {
      socket = null;
      if (!opened) { startPolling(); return; } // sockets blocked on this network: poll instead
      // The same conversation opened in another tab (an invitation's link opened twice): one socket each would
      // take it from the other every few seconds, so this tab polls instead.
      if (event && event.reason === 'collision') { startPolling(); return; }
      setStatus(texts.reconnecting);
      setTimeout(function () { reconnect(false); }, 1000 + Math.random() * 2000);
    };
  }

  function startPolling() {
    if (polling) { return; }
    polling = true;
    setStatus('');
    (function poll() {
      request('GET', conversationUrl('/activities?watermark=' + encodeURIComponent(watermark)), null, function (status, json) {
        if (status === 200 && json) { setStatus(''); receive(json); } else if (status === 0 || status >= 500) { setStatus(texts.reconnecting); }
        if (status === 403 || status === 404) { polling = false; reconnect(false); return; }
        setTimeout(poll, 1000);
      });
    })();
  }

  function receive(set) {
    var activities = set.activities || [];
    for (var i = 0; i < activities.length; i++) { show(activities[i]); }
    if (set.watermark) { watermark = set.watermark; save(); }
  }

  function show(activity) {
    if (shown[activity.id]) { return; }
    shown[activity.id] = true;
    if (activity.type === 'endOfConversation' && !(activity.from && activity.from.role === 'user')) { forget(); return; }
    if (activity.type !== 'message') { return; }
    var clientId = activity.channelData && activity.channelData.clientActivityID;
    if (activity.from && activity.from.role === 'user') {
      if (clientId && pending[clientId]) {
        // Also one shown as failed: it did arrive, only its answer was lost on the way back.
        pending[clientId].className = 'msg user';
        delete pending[clientId];
      } else {
        bubble('user', activity.text || '');
      }
      return;
    }
    botMessages++;
    bubble('bot', activity.text || '');
    showChoices(activity.suggestedActions && activity.suggestedActions.actions);
  }

  function bubble(who, text) {
    var element = document.createElement('div');
    element.className = 'msg ' + who;
    var label = document.createElement('span');
    label.className = 'who';
    label.textContent = who === 'bot' ? texts.bot : texts.you;
    element.appendChild(label);
    element.appendChild(document.createTextNode(text));
    log.appendChild(element);
    element.scrollIntoView ? element.scrollIntoView(false) : window.scrollTo(0, document.body.scrollHeight);
    return element;
  }

  function showChoices(actions) {
    currentActions = actions;
    choices.innerHTML = '';
    if (!actions) { return; }
    for (var i = 0; i < actions.length; i++) {
      (function (action) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.title;
        button.onclick = function () { say(action.value, action.title); };
        choices.appendChild(button);
      })(actions[i]);
    }
    choices.scrollIntoView && choices.scrollIntoView(false);
  }

  // Answers that did not go: taken off the screen when the person answers again. One that arrived after
  // all (its echo comes later) is shown then as any message is.
  function clearFailed() {
    for (var id in pending) {
      if (pending.hasOwnProperty(id) && pending[id].className.indexOf('failed') >= 0) {
        log.removeChild(pending[id]);
        delete pending[id];
      }
    }
  }

  function say(text, display, typed) {
    if (!conversation || !text) { return; }
    clearFailed();
    var actions = currentActions;
    var messagesBefore = botMessages;
    choices.innerHTML = '';
    var clientId = 'p' + new Date().getTime() + '-' + (++counter);
    var element = bubble('user', display || text);
    element.className = 'msg user pending';
    pending[clientId] = element;
    post({ type: 'message', text: text, channelData: { clientActivityID: clientId } }, function (ok, status) {
      if (!ok) {
        element.className = 'msg user failed';
        setStatus(status === 429 ? texts.busy : status === 400 ? texts.tooLong : texts.sendFailed);
        // On a weak network, nothing to answer with would leave an elderly person stuck: the same
        // buttons come back, and a typed answer returns to the box (unless the bot has moved on).
        if (botMessages === messagesBefore) {
          showChoices(actions);
          if (typed && !input.value) { input.value = text; }
        }
      }
    });
  }

  function post(activity, done) {
    activity.locale = 'vi-VN';
    request('POST', conversationUrl('/activities'), activity, function (status) {
      done(status === 200, status);
    });
  }

  form.onsubmit = function (event) {
    event.preventDefault();
    var text = input.value.replace(/^\s+|\s+$/g, '');
    if (!text) { return; }
    if (text.length > config.maxLength) { setStatus(texts.tooLong); return; }
    input.value = '';
    setStatus('');
    say(text, text, true);
  };
  input.onkeydown = function (event) {
    if ((event.key === 'Enter' || event.keyCode === 13) && !event.shiftKey) { event.preventDefault(); form.onsubmit(event); }
  };

  // The token lives 30 minutes; renew it well before, as Web Chat does.
  setInterval(function () {
    if (!conversation) { return; }
    request('POST', config.directLine + '/tokens/refresh', null, function (status, json) {
      if (status === 200 && json) { conversation.token = json.token; save(); }
    });
  }, 15 * 60 * 1000);

  start();
})();
