/**
 * What a file being uploaded is told in (its progress and why it was refused), in the application form
 * and wherever a widget attaches a file with its `Uploader`.
 */
const zhCN = {
  'apply.file.uploading': '正在上传 {percent}%',
  'apply.file.pending': '已上传，正在检查文件…',
  'apply.file.passed': '已上传，检查通过',
  'apply.file.cancel': '取消上传',
  'apply.file.remove': '删除',
  'apply.file.retry': '重新上传',
  'apply.file.tooBig': '{name} 太大：文件不能超过 {max}',
  'apply.file.wrongType': '{name} 的类型不支持：请上传 {types} 文件',
  'apply.file.empty': '{name} 是空文件，请重新选择',
  'apply.file.failed': '{name} 上传失败，请检查网络后重新上传',
  'apply.file.cancelled': '{name} 已取消上传',
  'apply.file.rejected': '{name} 未通过检查：{reason}',
  'apply.file.pages': '共 {count} 页',
  'apply.check.malware': '发现病毒',
  'apply.check.type_mismatch': '文件内容与类型不符',
  'apply.check.corrupt': '文件已损坏，无法打开',
  'apply.check.encrypted': '文件设有密码',
  'apply.check.empty': '文件没有内容',
};

/** The keys of these strings. */
export type UploadMessageKey = keyof typeof zhCN;

// The English strings (upload-messages.en.ts) are part of each uploading widget's English table.
export const uploadMessages = { 'zh-CN': zhCN };
