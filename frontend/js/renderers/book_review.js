// Renders a slide of type "book_review": the cover beside the title, author,
// star rating, the review (rich text cleaned by the server) and the reviewer.

import { appendText, cleanedHtmlElement, pictureAndBody, plain, textElement } from "./dom.js";
import { strings } from "../strings.js";

const MAX_RATING = 5;

function ratingElement(doc, rating) {
  const el = doc.createElement("p");
  el.className = "book-review__rating";
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", strings.rating.replace("{rating}", String(rating)));
  el.appendChild(textElement(doc, "span", "book-review__stars", "★".repeat(rating)));
  el.appendChild(textElement(doc, "span", "book-review__stars book-review__stars--off", "★".repeat(MAX_RATING - rating)));
  return el;
}

export function renderBookReview(slide, doc) {
  const { el, body } = pictureAndBody(doc, slide, "book-review", slide.cover);
  appendText(body, "h1", "slide-heading", plain(slide.heading));
  appendText(body, "p", "book-review__author", plain(slide.author));
  const rating = slide.rating;
  if (Number.isInteger(rating) && rating >= 1 && rating <= MAX_RATING) body.appendChild(ratingElement(doc, rating));
  const review = plain(slide.review_html);
  if (review) body.appendChild(cleanedHtmlElement(doc, "div", "book-review__review", review));
  appendText(body, "p", "book-review__reviewer", plain(slide.reviewer));
  return el;
}
