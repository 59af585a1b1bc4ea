/*
 * Starts Web Chat in #webchat. The token comes either from this server's demo token
 * endpoint, or — inside the embed iframe opened with ?token=parent — from the embedding
 * portal page, which fetched it from its own back end (see embed.js).
 */
(function () {
  'use strict';

  var config = JSON.parse(document.querySelector('meta[name="qd-assistant-config"]').getAttribute('content'));
  var container = document.getElementById('webchat');
  var RED = '#a61b1b';

  var styleOptions = {
    accent: RED,
    primaryFont: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f5f5f5',
    bubbleBorderColor: '#e0e0e0',
    bubbleBorderRadius: 4,
    bubbleBorderWidth: 1,
    bubbleFromUserBackground: '#fbeaea',
    bubbleFromUserBorderColor: '#e8c4c4',
    bubbleFromUserBorderRadius: 4,
    bubbleFromUserBorderWidth: 1,
    bubbleMaxWidth: 520,
    botAvatarInitials: '助',
    botAvatarBackgroundColor: RED,
    userAvatarInitials: '我',
    userAvatarBackgroundColor: '#8c8c8c',
    avatarSize: 36,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: RED,
    suggestedActionBorderRadius: 4,
    suggestedActionTextColor: RED,
    suggestedActionHeight: 36,
    sendBoxButtonColor: RED,
    sendBoxBorderTop: '1px solid #dcdcdc',
    sendBoxHeight: 48,
    hideUploadButton: true,
    timestampColor: '#767676',
    cardEmphasisBackgroundColor: '#faf7f2',
    transcriptVisualKeyboardIndicatorColor: RED
  };

  function showProblem(text) {
    container.textContent = '';
    var message = document.createElement('p');
    message.className = 'chat-problem';
    message.textContent = text;
    container.appendChild(message);
  }

  function readToken(response) {
    if (!response.ok) throw new Error('token request failed: ' + response.status);
    return response.json().then(function (body) {
      if (!body || typeof body.token !== 'string') throw new Error('token missing');
      return body.token;
    });
  }

  function tokenFromServer() {
    if (!config.tokenUrl) return Promise.reject(new Error('no token endpoint'));
    return fetch(config.tokenUrl, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(readToken);
  }

  /** Asks the embedding page (an allowed portal) for a token over postMessage. */
  function tokenFromEmbeddingPage() {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { finish(new Error('no token from the embedding page')); }, 20000);
      function finish(error, token) {
        clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        if (error) reject(error); else resolve(token);
      }
      function onMessage(event) {
        var trusted = event.source === window.parent &&
          (event.origin === location.origin || config.allowedOrigins.indexOf(event.origin) !== -1);
        var data = event.data || {};
        if (!trusted) return;
        if (data.type === 'qd-assistant:token' && typeof data.token === 'string') finish(null, data.token);
        if (data.type === 'qd-assistant:token-error') finish(new Error('the embedding page could not get a token'));
      }
      window.addEventListener('message', onMessage);
      // Nothing secret in this message, so any parent may receive it.
      window.parent.postMessage({ type: 'qd-assistant:ready' }, '*');
    });
  }

  var fromParent = new URLSearchParams(location.search).get('token') === 'parent' && window.parent !== window;

  (fromParent ? tokenFromEmbeddingPage() : tokenFromServer())
    .then(function (token) {
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine({
            token: token,
            domain: config.directLineDomain || location.origin + '/v3/directline',
            webSocket: false,
            pollingInterval: config.pollingIntervalMs
          }),
          locale: 'zh-CN',
          nonce: config.nonce,
          styleOptions: styleOptions
        },
        container
      );
    })
    .catch(function () {
      showProblem('政策助手暂时无法连接，请稍后刷新页面重试。');
    });
})();
