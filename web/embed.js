/*
 * 青岛市工业互联网政策助手 — embed snippet for portal pages:
 *
 *   <script src="https://ASSISTANT-HOST/embed.js" data-token-url="/your/token/endpoint" async></script>
 *
 * Adds a floating "政策助手" button that opens the assistant in an iframe of ASSISTANT-HOST/chat.
 * data-token-url (optional): the portal back end's endpoint (POST, same-origin cookies)
 * that answers {token} from ASSISTANT-HOST/v3/directline/tokens/generate called with the
 * Direct Line secret. Without it, the chat page gets a token from the assistant server itself.
 * data-title (optional): the button text.
 * The portal's origin must be in the assistant's ALLOWED_ORIGINS, or the browser refuses the frame.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__qdPolicyAssistantLoaded) return;
  window.__qdPolicyAssistantLoaded = true;

  var chatOrigin = new URL(script.src, location.href).origin;
  var tokenUrl = script.getAttribute('data-token-url');
  var title = script.getAttribute('data-title') || '政策助手';
  var RED = '#a61b1b';
  var panel, frame;

  // Styles through element.style, which portal CSPs without 'unsafe-inline' still allow.
  function styled(tag, style) {
    var element = document.createElement(tag);
    for (var key in style) element.style[key] = style[key];
    return element;
  }

  var button = styled('button', {
    position: 'fixed', right: '24px', bottom: '24px', zIndex: '2147483000',
    padding: '12px 20px', border: '0', borderRadius: '24px', background: RED, color: '#fff',
    font: '16px "Microsoft YaHei", "PingFang SC", sans-serif', cursor: 'pointer',
    boxShadow: '0 4px 12px rgba(0, 0, 0, 0.25)'
  });
  button.type = 'button';
  button.textContent = title;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');

  function createPanel() {
    var narrow = window.innerWidth < 520;
    panel = styled('div', {
      position: 'fixed', zIndex: '2147483000', display: 'none', flexDirection: 'column', background: '#fff',
      right: narrow ? '0' : '24px', bottom: narrow ? '0' : '84px',
      width: narrow ? '100vw' : '400px', height: narrow ? '100vh' : 'min(640px, calc(100vh - 110px))',
      border: '1px solid #dcdcdc', borderRadius: narrow ? '0' : '6px', overflow: 'hidden',
      boxShadow: '0 8px 24px rgba(0, 0, 0, 0.25)'
    });
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', title);

    var header = styled('div', {
      display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '10px 14px',
      background: RED, color: '#fff', font: 'bold 16px "Microsoft YaHei", "PingFang SC", sans-serif'
    });
    header.appendChild(document.createTextNode(title));
    var close = styled('button', { border: '0', background: 'transparent', color: '#fff', fontSize: '22px', cursor: 'pointer', lineHeight: '1' });
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', '关闭');
    close.addEventListener('click', function () { toggle(false); });
    header.appendChild(close);

    frame = styled('iframe', { flex: '1', width: '100%', border: '0' });
    frame.title = title;
    frame.src = chatOrigin + '/chat' + (tokenUrl ? '?token=parent' : '');

    panel.appendChild(header);
    panel.appendChild(frame);
    document.body.appendChild(panel);
  }

  function toggle(open) {
    if (open && !panel) createPanel();
    if (panel) panel.style.display = open ? 'flex' : 'none';
    button.setAttribute('aria-expanded', String(open));
    if (!open) button.focus();
  }

  button.addEventListener('click', function () {
    toggle(!panel || panel.style.display === 'none');
  });

  // The chat page asks for a token once it is ready; fetch it from the portal back end.
  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== chatOrigin) return;
    if (!event.data || event.data.type !== 'qd-assistant:ready' || !tokenUrl) return;
    fetch(tokenUrl, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('token request failed: ' + response.status);
        return response.json();
      })
      .then(function (body) {
        frame.contentWindow.postMessage({ type: 'qd-assistant:token', token: body.token }, chatOrigin);
      })
      .catch(function () {
        frame.contentWindow.postMessage({ type: 'qd-assistant:token-error' }, chatOrigin);
      });
  });

  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
