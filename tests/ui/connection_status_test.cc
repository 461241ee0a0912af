// The connection status of a desk that mirrors a server: said while live,
// an error while the link is down (the state on screen is stale), and
// nothing at all for a desk with its own engine.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

TEST(ConnectionStatus, ALocalDeskSaysNothingAboutAServer) {
  DeskDriver d;
  d.frame();
  EXPECT_EQ(d.messages_at(ids::kConnection), "");
}

TEST(ConnectionStatus, ALiveLinkNamesTheServer) {
  DeskDriver d;
  d.host.link = ui::HostStatus::Link::kLive;
  d.host.link_detail = "127.0.0.1:8080";
  d.frame();
  EXPECT_NE(d.messages_at(ids::kConnection).find("Connected to 127.0.0.1:8080"), std::string::npos);
  EXPECT_FALSE(d.any_error());
}

TEST(ConnectionStatus, ALostLinkMarksTheStateStaleWithWhy) {
  DeskDriver d;
  d.host.link = ui::HostStatus::Link::kLost;
  d.host.link_detail = "no answer since 14:03:07";
  d.frame();
  const std::string text = d.messages_at(ids::kConnection);
  EXPECT_NE(text.find("Connection lost: no answer since 14:03:07"), std::string::npos) << text;
  EXPECT_NE(text.find("stale"), std::string::npos) << text;
  EXPECT_TRUE(d.any_error());
}

}  // namespace
}  // namespace stonks::testing
