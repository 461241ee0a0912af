// The browser app's entry: starts the App; the page's events drive it after.
#include "app.h"

int main() {
  // Returning leaves the runtime alive (no EXIT_RUNTIME): the animation frames,
  // the market timer and the page's calls keep running.
  return stonks::web::app().start() ? 0 : 1;
}
