// Browser side of the chat. Messages are inserted with textContent, never innerHTML,
// so whatever people type is shown as text.
//
// A page whose users sign in elsewhere loads sign-in.js first: it sets window.chatSignIn
// ({ token, refused(reason) }), and the name then comes from the token, not a field.
const signIn = window.chatSignIn;
const socket = io({ auth: { token: signIn?.token }, autoConnect: !signIn || Boolean(signIn.token) });
const form = document.querySelector('#chat-form');
const nameInput = document.querySelector('#name');
const textInput = document.querySelector('#text');
const messages = document.querySelector('#messages');
const statusLine = document.querySelector('#status');

if (nameInput) nameInput.value = localStorage.getItem('chat-name') ?? '';

function showStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

function addMessage({ className, author, text, time }) {
  const item = document.createElement('li');
  if (className) item.className = className;
  if (author) {
    const strong = document.createElement('strong');
    strong.textContent = `${author}: `;
    item.append(strong);
  }
  const body = document.createElement('span');
  body.textContent = text;
  const stamp = document.createElement('time');
  stamp.dateTime = time;
  stamp.textContent = new Date(time).toLocaleTimeString();
  item.append(body, stamp);
  messages.append(item);
  item.scrollIntoView({ block: 'end' });
}

socket.on('connect', () => showStatus('Connected'));
socket.on('disconnect', () => showStatus('Disconnected, reconnecting…', true));
socket.on('connect_error', (error) => {
  if (socket.active) showStatus('Cannot reach the chat server, retrying…', true);
  // The server refused this client (socket.active is false then): retrying will not help.
  else if (signIn) signIn.refused(error.message);
  else showStatus(error.message, true);
});

socket.on('message', ({ name, text, sentAt }) => addMessage({ author: name, text, time: sentAt }));
// Announcements from the server (e.g. a backend's domain events), styled apart.
socket.on('system', ({ text, occurredAt }) => addMessage({ className: 'system', text, time: occurredAt }));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = { text: textInput.value };
  if (nameInput) {
    message.name = nameInput.value;
    localStorage.setItem('chat-name', message.name);
  }
  try {
    const result = await socket.timeout(5000).emitWithAck('message', message);
    if (result.ok) {
      textInput.value = '';
      showStatus('Connected');
    } else {
      showStatus(result.error, true);
    }
  } catch {
    showStatus('The server did not answer; try again.', true);
  }
});
