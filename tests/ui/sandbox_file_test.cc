// The sandbox as a file from the sim strip: Export saves the export as a
// download; Import previews the picked file, asks with what it holds, then
// replaces; a file that is not an export, or one the sandbox refuses, says
// why and replaces nothing. The /api/sandbox routes are the Sandbox's (its
// own tests: tests/unit/sandbox/sandbox_export_test.cc), so a stand-in
// answers them here.
#include <gtest/gtest.h>

#include "imgui_ui/widget_ids.h"
#include "ui/desk_driver.h"

namespace stonks::testing {
namespace {

namespace ids = ui::ids;

const char* kPreview = R"({"last_seq":42,"orders":3,"fills":2,"open_orders":1,"pending_approvals":1,)"
                       R"("positions":[{"ticker":"AAPL","qty":7}],"cash":"99299.30",)"
                       R"("first_order_at":"2026-11-24T14:30:00Z","last_event_at":"2026-11-24T15:00:00Z"})";

struct Sandboxed {
  explicit Sandboxed(int preview_status = 200, std::string preview = kPreview) {
    d.sim = SimStatus{};
    d.desk.set_import_picker([this] { ++picker_opened; });
    d.intercept = [this, preview_status, preview](const ApiRequest& r) -> std::optional<ApiResponse> {
      if (r.path == "/api/sandbox/export")
        return ApiResponse{200, R"({"format":"stonks-sandbox-export","last_seq":42})"};
      if (r.path == "/api/sandbox/import/preview") return ApiResponse{preview_status, preview};
      if (r.path == "/api/sandbox/import") {
        ++imports;
        return ApiResponse{200, std::string(R"({"imported":)") + kPreview + "}"};
      }
      return std::nullopt;
    };
    d.frame();
  }
  DeskDriver d;
  int picker_opened = 0;
  int imports = 0;
};

TEST(SandboxFile, ExportSavesTheWholeSandboxAsOneFile) {
  Sandboxed t;
  t.d.click(ids::kExportSandbox);
  ASSERT_EQ(t.d.saved_files.size(), 1u);
  EXPECT_EQ(t.d.saved_files[0].first, "stonks-sandbox-2026-11-24-143000.json");
  EXPECT_EQ(nlohmann::json::parse(t.d.saved_files[0].second)["last_seq"], 42);
  EXPECT_NE(t.d.messages_at("toast").find("Exported the sandbox (events up to seq 42)"), std::string::npos);
}

TEST(SandboxFile, ImportPreviewsAsksThenReplaces) {
  Sandboxed t;
  t.d.click(ids::kImportSandbox);
  EXPECT_EQ(t.picker_opened, 1);
  t.d.desk.import_picked("monday.json", R"({"format":"stonks-sandbox-export"})");
  t.d.frame(3);
  const std::string dialog = t.d.messages_at("dialog");
  EXPECT_NE(dialog.find("Replace this sandbox with monday.json?"), std::string::npos) << dialog;
  EXPECT_NE(dialog.find("3 orders (1 open, 1 pending approval), 2 fills, cash 99299.30, positions: AAPL 7"),
            std::string::npos)
      << dialog;
  EXPECT_NE(dialog.find("from 2026-11-24T14:30:00Z to 2026-11-24T15:00:00Z"), std::string::npos) << dialog;
  EXPECT_EQ(t.imports, 0) << "nothing is replaced before the answer";
  t.d.click(ids::kImportConfirm);
  t.d.frame();
  EXPECT_EQ(t.imports, 1);
  EXPECT_NE(t.d.messages_at(ids::kImportSandbox).find("Imported monday.json"), std::string::npos);
}

TEST(SandboxFile, AFileThatIsNotAnExportIsRefusedBeforeAnythingIsSent) {
  Sandboxed t;
  const std::size_t sent = t.d.sent.size();
  t.d.desk.import_picked("photo.jpg", "\xff\xd8\xff\xe0 not json");
  t.d.frame(2);
  EXPECT_EQ(t.d.sent.size(), sent);
  EXPECT_NE(t.d.messages_at(ids::kImportSandbox).find("photo.jpg is not a stonks-oracle sandbox export"),
            std::string::npos);
}

TEST(SandboxFile, ARefusedFileSaysWhyAndReplacesNothing) {
  Sandboxed t(
      400,
      R"({"error":{"code":"invalid_argument","message":"the data does not match its CRC: the file is damaged","field":"journal[0].crc32c"}})");
  t.d.desk.import_picked("broken.json", R"({"format":"stonks-sandbox-export"})");
  t.d.frame(3);
  EXPECT_EQ(t.d.messages_at("dialog"), "");
  EXPECT_EQ(t.imports, 0);
  EXPECT_NE(t.d.messages_at(ids::kImportSandbox).find("Refused broken.json: the data does not match its CRC"),
            std::string::npos)
      << t.d.messages_at(ids::kImportSandbox);
}

}  // namespace
}  // namespace stonks::testing
