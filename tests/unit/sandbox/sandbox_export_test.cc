// The sandbox as one file: exported, previewed and imported into another
// sandbox whole; a damaged, truncated or foreign file refused with the
// reason, changing nothing.
#include <gtest/gtest.h>

#include "journal/crc32c.h"
#include "model/base64.h"
#include "sandbox/sandbox_export.h"
#include "sandbox_test_util.h"

namespace stonks::sandbox_test {
namespace {

using nlohmann::json;

// A sandbox with a position and an order waiting for approval.
struct Traded {
  Traded() {
    s = desk.open();
    EXPECT_TRUE(set_sim(*s, R"({"speed":0})").is_ok());
    EXPECT_EQ(call(*s, "POST", "/api/orders", R"({"ticker":"AAPL","side":"buy","qty":7})").status, 201);
    EXPECT_EQ(call(*s, "PUT", "/api/admin/trading/approval-config", R"({"auto_approve_paper":false})").status, 200);
    EXPECT_EQ(call(*s, "POST", "/api/orders", R"({"ticker":"MSFT","side":"buy","qty":3})").status, 201);
  }
  Desk desk;
  std::unique_ptr<Sandbox> s;
};

json exported(Sandbox& s) {
  ApiResponse r = call(s, "GET", "/api/sandbox/export");
  EXPECT_EQ(r.status, 200) << r.body;
  return json_of(r);
}

TEST(SandboxExport, AnExportImportsIntoAnotherSandboxWhole) {
  Traded a;
  const json file = exported(*a.s);
  EXPECT_EQ(file["format"], "stonks-sandbox-export");
  EXPECT_EQ(file["last_seq"], a.s->state().last_seq);

  Desk other;
  auto b = other.open();
  ApiResponse preview = call(*b, "POST", "/api/sandbox/import/preview", file.dump());
  ASSERT_EQ(preview.status, 200) << preview.body;
  const json p = json_of(preview);
  EXPECT_EQ(p["orders"], 2);
  EXPECT_EQ(p["pending_approvals"], 1);
  EXPECT_EQ(p["positions"], json::parse(R"([{"ticker":"AAPL","qty":7}])"));
  EXPECT_EQ(p["last_seq"], a.s->state().last_seq);
  EXPECT_EQ(b->state().orders.size(), 0u) << "a preview changes nothing";

  ApiResponse imported = call(*b, "POST", "/api/sandbox/import", file.dump());
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(b->state().orders, a.s->state().orders);
  EXPECT_EQ(b->state().portfolio, a.s->state().portfolio);
  EXPECT_EQ(b->state().approvals.pending_count(), 1u);
  // And it is what the directories hold: a reopen finds the same.
  b.reset();
  auto reopened = other.open();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->state().orders, a.s->state().orders);
}

// The desk's state and files, to check that nothing changed.
struct Before {
  explicit Before(Traded& t) : seq(t.s->state().last_seq), orders(t.s->state().orders.size()) {
    files = *t.desk.journal.list();
  }
  void expect_same(Traded& t) const {
    EXPECT_EQ(t.s->state().last_seq, seq);
    EXPECT_EQ(t.s->state().orders.size(), orders);
    EXPECT_EQ(*t.desk.journal.list(), files);
  }
  EventSeq seq;
  std::size_t orders;
  std::vector<std::string> files;
};

void expect_refused(Traded& t, const std::string& body, const std::string& field, const std::string& words) {
  const Before before(t);
  for (const char* path : {"/api/sandbox/import/preview", "/api/sandbox/import"}) {
    ApiResponse r = call(*t.s, "POST", path, body);
    EXPECT_EQ(r.status, 400) << path << ": " << r.body;
    const json e = json_of(r)["error"];
    EXPECT_EQ(e.value("field", ""), field) << r.body;
    EXPECT_NE(e["message"].get<std::string>().find(words), std::string::npos) << r.body;
  }
  before.expect_same(t);
}

TEST(SandboxExport, AFileWhoseBytesChangedIsRefusedByItsCrc) {
  Traded t;
  json file = exported(*t.s);
  std::string data = *base64_decode(file["journal"][0]["data"].get<std::string>());
  data[data.size() / 2] ^= 0x40;
  file["journal"][0]["data"] = base64_encode(data);
  expect_refused(t, file.dump(), "journal[0].crc32c", "damaged");
}

TEST(SandboxExport, AJournalDamagedInsideIsRefusedByTheRecovery) {
  Traded t;
  json file = exported(*t.s);
  // One byte in the middle of the first segment changed and the file's CRC
  // made to match: the journal's own record checks catch it (a damaged
  // record before others is corruption, not a torn tail).
  json& segment = file["journal"][0];
  ASSERT_EQ(segment["name"].get<std::string>().rfind("seg-", 0), 0u) << segment["name"];
  std::string data = *base64_decode(segment["data"].get<std::string>());
  data[data.size() / 2] ^= 0x01;
  segment["data"] = base64_encode(data);
  segment["crc32c"] = crc32c::value(data);
  expect_refused(t, file.dump(), "", "the sandbox in this file is damaged");
}

TEST(SandboxExport, TruncatedForeignAndEmptyFilesAreRefused) {
  Traded t;
  const std::string text = exported(*t.s).dump();
  expect_refused(t, text.substr(0, text.size() / 2), "", "");
  expect_refused(t, R"({"hello":"world"})", "format", "");
  expect_refused(t, R"({"format":"zip","version":1})", "format", "not a stonks-oracle sandbox export");
  json future = json::parse(text);
  future["version"] = 2;
  expect_refused(t, future.dump(), "version", "not one this desk reads");
  json none = json::parse(text);
  none["journal"] = json::array();
  expect_refused(t, none.dump(), "journal", "holds no journal");
  json bad_name = json::parse(text);
  bad_name["desk"][0]["name"] = "../etc";
  expect_refused(t, bad_name.dump(), "desk[0].name", "not a file name");
}

TEST(SandboxExport, TheRoutesCheckTheirRequests) {
  Traded t;
  EXPECT_EQ(call(*t.s, "POST", "/api/sandbox/export").status, 405);
  EXPECT_EQ(call(*t.s, "GET", "/api/sandbox/import").status, 405);
  EXPECT_EQ(call(*t.s, "GET", "/api/sandbox/nothing").status, 404);
  EXPECT_EQ(call(*t.s, "GET", "/api/sandbox/export", "", "x=1").status, 400);
  EXPECT_EQ(call(*t.s, "POST", "/api/sandbox/import", "[1]").status, 400);
  ApiRequest big;
  big.method = "POST";
  big.path = "/api/sandbox/import";
  big.body = std::string(kMaxSandboxExportBytes + 1, ' ');
  EXPECT_EQ(t.s->handle(big).status, 413);
}

}  // namespace
}  // namespace stonks::sandbox_test
