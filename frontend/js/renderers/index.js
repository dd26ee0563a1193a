// Maps a slide's type to its renderer. A type this client does not know (a
// newer server, an older cached page) gets a neutral placeholder, not an error.

import { renderImageText } from "./image_text.js";
import { renderSlideshow } from "./slideshow.js";
import { renderVideo } from "./video.js";
import { renderContacts } from "./contacts.js";
import { renderTable } from "./table.js";
import { renderPoster } from "./poster.js";
import { renderBookReview } from "./book_review.js";
import { renderQrCode } from "./qr_code.js";
import { renderClock } from "./clock.js";
import { renderNews } from "./news.js";
import { renderCalendar } from "./calendar.js";
import { renderWebPage } from "./web_page.js";
import { textElement } from "./dom.js";
import { strings } from "../strings.js";

export const renderers = {
  image_text: renderImageText,
  slideshow: renderSlideshow,
  video: renderVideo,
  contacts: renderContacts,
  table: renderTable,
  poster: renderPoster,
  book_review: renderBookReview,
  qr_code: renderQrCode,
  clock: renderClock,
  news: renderNews,
  calendar: renderCalendar,
  web_page: renderWebPage,
};

function renderPlaceholder(slide, doc) {
  const el = doc.createElement("section");
  el.className = "slide-placeholder";
  if (typeof slide.title === "string") el.appendChild(textElement(doc, "p", "slide-placeholder__title", slide.title));
  return el;
}

export function renderSlide(slide, doc) {
  const render = Object.prototype.hasOwnProperty.call(renderers, slide.type) ? renderers[slide.type] : renderPlaceholder;
  return render(slide, doc);
}

// The calm view for a screen with nothing to play.
export function renderIdle(doc) {
  const el = doc.createElement("div");
  el.className = "idle-view";
  el.appendChild(textElement(doc, "p", "idle-view__message", strings.idle));
  return el;
}
