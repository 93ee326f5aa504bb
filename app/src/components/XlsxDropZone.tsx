import { InboxOutlined } from '@ant-design/icons';
import { Progress, Upload } from 'antd';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The drop area of an Excel upload dialog, with the upload's progress bar under it. The file is
 * handed to `onFile` and never kept by antd's own upload list. `accept` widens it to other files
 * (the plan document import takes PDF, DOCX and text).
 */
export function XlsxDropZone(props: {
  accept?: string;
  name: string | null;
  dropText: string;
  hint: string;
  busy: boolean;
  progress: number | null;
  onFile: (file: File) => void;
  testId: string;
  progressTestId: string;
}) {
  return (
    <>
      <div data-testid={props.testId}>
        <Upload.Dragger
          accept={props.accept ?? XLSX_ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={props.busy}
          beforeUpload={(f) => {
            props.onFile(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{props.name ?? props.dropText}</p>
          <p className="ant-upload-hint">{props.hint}</p>
        </Upload.Dragger>
      </div>
      {props.progress !== null ? <Progress percent={props.progress} size="small" className="upload-progress" data-testid={props.progressTestId} /> : null}
    </>
  );
}
