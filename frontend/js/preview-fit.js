// Scales the preview's screen-sized frame to fit the page, as large as it fits, never cropped.

function fitScale(frame, page) {
  return Math.min(page.width / frame.width, page.height / frame.height);
}

const screen = document.getElementById("preview-screen");

function fit() {
  const scale = fitScale({ width: screen.width, height: screen.height }, { width: innerWidth, height: innerHeight });
  screen.style.transform = `translate(-50%, -50%) scale(${scale})`;
}

addEventListener("resize", fit);
fit();
