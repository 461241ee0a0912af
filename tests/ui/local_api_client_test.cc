// LocalApiClient: answers come at poll(), never inside send(), in order.
#include <gtest/gtest.h>

#include "imgui_ui/local_api_client.h"

namespace stonks::ui {
namespace {

TEST(LocalApiClient, AnswersArriveAtPollNeverInsideSend) {
  std::vector<std::string> handled;
  LocalApiClient client([&](const ApiRequest& r) {
    handled.push_back(r.path);
    return ApiResponse{200, "{\"path\":\"" + r.path + "\"}"};
  });
  std::vector<std::string> answers;
  client.send(ApiRequest{.method = "GET", .path = "/a"}, [&](const ApiResponse& r) { answers.push_back(r.body); });
  client.send(ApiRequest{.method = "GET", .path = "/b"}, [&](const ApiResponse& r) { answers.push_back(r.body); });
  EXPECT_TRUE(handled.empty());
  EXPECT_TRUE(answers.empty());
  EXPECT_EQ(client.queued(), 2u);
  EXPECT_EQ(client.poll(), 2u);
  EXPECT_EQ(handled, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(answers, (std::vector<std::string>{R"({"path":"/a"})", R"({"path":"/b"})"}));
  EXPECT_EQ(client.poll(), 0u);
}

TEST(LocalApiClient, RequestsSentFromAnAnswerWaitForTheNextPoll) {
  LocalApiClient client([](const ApiRequest&) { return ApiResponse{}; });
  int second = 0;
  client.send(ApiRequest{.path = "/first"}, [&](const ApiResponse&) {
    client.send(ApiRequest{.path = "/second"}, [&](const ApiResponse&) { ++second; });
  });
  EXPECT_EQ(client.poll(), 1u);
  EXPECT_EQ(second, 0);
  EXPECT_EQ(client.poll(), 1u);
  EXPECT_EQ(second, 1);
}

}  // namespace
}  // namespace stonks::ui
