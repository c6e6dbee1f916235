// Browser side of the chat. Messages are inserted with textContent, never innerHTML,
// so whatever people type is shown as text.
const socket = io();
const form = document.querySelector('#chat-form');
const nameInput = document.querySelector('#name');
const textInput = document.querySelector('#text');
const messages = document.querySelector('#messages');
const statusLine = document.querySelector('#status');

nameInput.value = localStorage.getItem('chat-name') ?? '';

function showStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', isError);
}

socket.on('connect', () => showStatus('Connected'));
socket.on('disconnect', () => showStatus('Disconnected, reconnecting…', true));

socket.on('message', ({ name, text, sentAt }) => {
  const item = document.createElement('li');
  const author = document.createElement('strong');
  author.textContent = `${name}: `;
  const body = document.createElement('span');
  body.textContent = text;
  const time = document.createElement('time');
  time.dateTime = sentAt;
  time.textContent = new Date(sentAt).toLocaleTimeString();
  item.append(author, body, time);
  messages.append(item);
  item.scrollIntoView({ block: 'end' });
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = nameInput.value;
  localStorage.setItem('chat-name', name);
  try {
    const result = await socket.timeout(5000).emitWithAck('message', { name, text: textInput.value });
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
