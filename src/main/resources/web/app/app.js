// The script every page loads: Bootstrap (styles, the phone menu), htmx for partial updates, and small helpers.
import 'bootstrap/dist/css/bootstrap.min.css';
import 'bootstrap/js/dist/collapse';
import htmx from 'htmx.org';
import './app.css';

window.htmx = htmx;

// Ask before destructive actions: <button data-confirm="真的要撤回吗？">
document.addEventListener('submit', (event) => {
  const form = event.target;
  const button = event.submitter;
  const question = (button && button.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
